package dev.cachet.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text and JSON rendering of a hand-built description tree. */
class RendererTest {
    private static final Group ENTRY = new Group(new Fields().add("serial", "serial", "1a").build(), "1a  revoked");
    private static final Inspection INSPECTION = new Inspection("file.pem", "PEM", List.of(
            new Description(Kind.CERTIFICATE, new Fields()
                    .add("subject", "subject", "CN=a")
                    .add("ca", "CA (critical)", true, "yes, pathLen 0")
                    .json("pathLen", BigInteger.ZERO)
                    .add("selfSigned", "self-signed", false)
                    .add("daysLeft", "days", 12L)
                    .add("names", "names", List.of("dns:a.example", "dns:b.example"))
                    .add("many", "many", Collections.nCopies(8, "dns:long-name.example.org"))
                    .text("note", "first\nsecond")
                    .add("entries", "entries", List.of(ENTRY))
                    .add("nested", "nested", new Group(new Fields().add("inner", "inner", "x").build(), null))
                    .build()),
            new Description(Kind.CERTIFICATE, new Fields().add("subject", "subject", "").build()),
            new Description(Kind.CRL, new Fields().add("issuer", "issuer", "CN=a").build())));

    @Test
    void textHasHeadingsAndAlignedLines() {
        String text = TextRenderer.render(INSPECTION);
        String[] lines = text.split("\n", -1);
        assertThat(lines[0]).isEqualTo("Certificate 1 of 2");
        assertThat(lines[1]).isEqualTo("  subject:       CN=a");
        assertThat(lines[2]).isEqualTo("  CA (critical): yes, pathLen 0");
        assertThat(lines[3]).isEqualTo("  self-signed:   no");
        assertThat(lines[4]).isEqualTo("  days:          12");
        assertThat(lines[5]).isEqualTo("  names:         dns:a.example, dns:b.example");
        assertThat(lines[6]).isEqualTo("  many:          dns:long-name.example.org");
        assertThat(lines[7]).isEqualTo("                 dns:long-name.example.org");
        assertThat(text).contains("  note:          first\n                 second\n")
                .contains("  entries:       1a  revoked\n")
                .contains("  nested:\n    inner: x\n")
                .contains("\n\nCertificate 2 of 2\n  subject: (empty)\n\nCRL\n  issuer: CN=a\n")
                .doesNotContain("pathLen: ")
                .endsWith("\n");
    }

    @Test
    void jsonHasTheKindAndTypedMembersInOrder() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonRenderer.render(INSPECTION));
        assertThat(root.get("source").asText()).isEqualTo("file.pem");
        assertThat(root.get("format").asText()).isEqualTo("PEM");
        JsonNode first = root.get("objects").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("kind", "subject", "ca", "pathLen",
                "selfSigned", "daysLeft", "names", "many", "entries", "nested");
        assertThat(first.get("kind").asText()).isEqualTo("certificate");
        assertThat(first.get("ca").isBoolean()).isTrue();
        assertThat(first.get("ca").booleanValue()).isTrue();
        assertThat(first.get("pathLen").isIntegralNumber()).isTrue();
        assertThat(first.get("daysLeft").asLong()).isEqualTo(12);
        assertThat(first.get("names").isArray()).isTrue();
        assertThat(first.get("names").get(1).asText()).isEqualTo("dns:b.example");
        assertThat(first.get("entries").get(0).get("serial").asText()).isEqualTo("1a");
        assertThat(first.get("nested").get("inner").asText()).isEqualTo("x");
        assertThat(root.get("objects").get(2).get("kind").asText()).isEqualTo("crl");
    }
}
