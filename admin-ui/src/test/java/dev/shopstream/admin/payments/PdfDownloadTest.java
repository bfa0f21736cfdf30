package dev.shopstream.admin.payments;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PdfDownloadTest {

    @Test
    void theDownloadKeepsTheFileNamePaymentsGives() {
        assertThat(PdfDownload.fileName("attachment; filename=\"INV-42.pdf\"", "invoice.pdf")).isEqualTo("INV-42.pdf");
        assertThat(PdfDownload.fileName("attachment; filename=CN-7.pdf", "credit-note.pdf")).isEqualTo("CN-7.pdf");
    }

    @Test
    void aNameThatIsNotPlainGivesWayToTheFallback() {
        assertThat(PdfDownload.fileName("attachment; filename=\"../../etc/passwd\"", "invoice.pdf"))
                .isEqualTo("invoice.pdf");
        assertThat(PdfDownload.fileName("attachment; filename=\"a\r\nSet-Cookie: x=1\"", "invoice.pdf"))
                .isEqualTo("invoice.pdf");
        assertThat(PdfDownload.fileName("attachment; filename=\".hidden\"", "invoice.pdf")).isEqualTo("invoice.pdf");
        assertThat(PdfDownload.fileName("attachment", "invoice.pdf")).isEqualTo("invoice.pdf");
        assertThat(PdfDownload.fileName(null, "invoice.pdf")).isEqualTo("invoice.pdf");
    }

    @Test
    void theFallbackIsMadePlainToo() {
        assertThat(PdfDownload.fileName(null, "credit-note-re_1\"\r\nX: y.pdf")).isEqualTo("credit-note-re_1___X__y.pdf");
    }
}
