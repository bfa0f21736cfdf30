package dev.shopstream.commons.problem;

/** The addressed resource does not exist, or the caller may not know that it does (object-level checks answer 404). */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String resource, Object id) {
        super(ProblemType.NOT_FOUND, resource + " " + id + " does not exist.");
    }
}
