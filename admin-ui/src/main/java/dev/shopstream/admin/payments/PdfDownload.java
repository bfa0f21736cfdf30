package dev.shopstream.admin.payments;

import dev.shopstream.admin.services.ServiceProblemMapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands a service's PDF to the browser as a download, in place of the page. The document is read whole from the
 * service first ({@link #read}, inside the page's service call), so a service that fails or breaks off answers with
 * a message on the page, not with a broken file.
 */
final class PdfDownload {

    private static final Pattern FILE_NAME = Pattern.compile("filename=\"?([A-Za-z0-9._-]{1,100})\"?(;|$)");

    /** A document read from a service, with the name the browser saves it under. */
    record Pdf(byte[] content, String fileName) {
    }

    private PdfDownload() {
    }

    /**
     * Reads the document out of the service's answer. An error answer becomes a {@code ServiceProblem} here too:
     * a client may hand it back as the {@code Response} the method returns, and a problem document is no PDF.
     */
    static Pdf read(Response answer, String fallbackName) {
        try (answer) {
            if (answer.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new ServiceProblemMapper().toThrowable(answer);
            }
            return new Pdf(answer.readEntity(byte[].class),
                    fileName(answer.getHeaderString(HttpHeaders.CONTENT_DISPOSITION), fallbackName));
        }
    }

    static void send(Pdf pdf) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseContentType("application/pdf");
        external.setResponseContentLength(pdf.content().length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"");
        external.getResponseOutputStream().write(pdf.content());
        faces.responseComplete();
    }

    /**
     * The file name the service gave ({@code INV-…}, {@code CN-…}) when it is a plain one; otherwise the fallback,
     * made plain too, so nothing the service sends can add a header or a path to the browser's download.
     */
    static String fileName(String contentDisposition, String fallback) {
        if (contentDisposition != null) {
            Matcher name = FILE_NAME.matcher(contentDisposition.trim());
            if (name.find() && !name.group(1).startsWith(".")) {
                return name.group(1);
            }
        }
        return fallback.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
