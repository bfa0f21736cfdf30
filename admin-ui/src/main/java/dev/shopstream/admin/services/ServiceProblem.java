package dev.shopstream.admin.services;

import java.util.List;

/**
 * A service answered with an error: its RFC 9457 problem document, read into what a staff member is shown.
 *
 * @param fieldErrors the document's {@code errors[]}, field and message
 */
public class ServiceProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final String correlationId;
    private final List<FieldError> fieldErrors;

    public ServiceProblem(int status, String title, String detail, String correlationId, List<FieldError> fieldErrors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.correlationId = correlationId;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    /** The line shown to staff: the detail when the service gave one, else the title. */
    public String summary() {
        return detail == null || detail.isBlank() ? title : detail;
    }

    public String correlationId() {
        return correlationId;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Someone else changed it since it was read (412 on If-Match). */
    public boolean isStale() {
        return status == 412;
    }
}
