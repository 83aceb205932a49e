package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every page of Gatehouse carries in its head, and the files it points to, before anyone signs in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // the same context as SecurityHeadersTest, so one server starts for both
class AppShellTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    private int port;

    @Test
    void the_page_links_gatehouses_icon_and_the_icon_is_served_to_a_browser_not_signed_in() throws Exception {
        String page = get("/sign-in", HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).containsPattern("<link[^>]*rel=\"icon\"[^>]*>").contains("href=\"" + AppShell.FAVICON + "\"");

        HttpResponse<String> svg = get("/" + AppShell.FAVICON, HttpResponse.BodyHandlers.ofString());
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("image/svg+xml"));
        assertThat(svg.body()).contains("<svg").contains("<title>Gatehouse</title>");
    }

    @Test
    void favicon_ico_is_there_for_browsers_and_tools_that_ask_for_it_by_name() throws Exception {
        HttpResponse<byte[]> ico = get("/favicon.ico", HttpResponse.BodyHandlers.ofByteArray());

        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.body()).as("an ICO file's header").startsWith(0, 0, 1, 0);
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), body);
    }
}
