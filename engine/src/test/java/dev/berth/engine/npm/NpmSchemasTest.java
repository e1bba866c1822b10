package dev.berth.engine.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schemas the double checks with accept what NPM accepts and reject what it rejects. */
class NpmSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void npmsOwnExampleCreateBodyIsValid() throws Exception {
        JsonNode body = JSON.readTree("""
                {"domain_names":["test.example.com"],"forward_scheme":"http","forward_host":"127.0.0.1","forward_port":8080}""");

        assertEquals(List.of(), NpmSchemas.problems(NpmSchemas.request("/nginx/proxy-hosts", "post"), body));
    }

    @Test
    void anUnknownPropertyIsRejected() throws Exception {
        JsonNode body = JSON.readTree("""
                {"domain_names":["a.example.com"],"forward_scheme":"http","forward_host":"a","forward_port":80,"websockets":true}""");

        List<String> problems = NpmSchemas.problems(NpmSchemas.request("/nginx/proxy-hosts", "post"), body);

        assertFalse(problems.isEmpty());
        assertTrue(problems.toString().contains("websockets"), problems::toString);
    }

    @Test
    void aWrongTypeInAReferencedComponentIsRejected() throws Exception {
        // domain_names and certificate_id are defined in components/proxy-host-object.json and common.json.
        JsonNode body = JSON.readTree("""
                {"domain_names":"a.example.com","forward_scheme":"http","forward_host":"a","forward_port":80,"certificate_id":"old"}""");

        List<String> problems = NpmSchemas.problems(NpmSchemas.request("/nginx/proxy-hosts", "post"), body);

        assertTrue(problems.toString().contains("domain_names"), problems::toString);
        assertTrue(problems.toString().contains("certificate_id"), problems::toString);
    }

    @Test
    void theSignInBodyNeedsASecret() throws Exception {
        List<String> problems = NpmSchemas.problems(NpmSchemas.request("/tokens", "post"), JSON.readTree("{\"identity\":\"a@b.c\"}"));

        assertTrue(problems.toString().contains("secret"), problems::toString);
    }
}
