package dev.gatehouse.security.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.UI;

import dev.gatehouse.security.WebAuthnCeremony;

/**
 * Runs {@code navigator.credentials.create/get} in the browser with the server's options and hands
 * back the answer as JSON, binary fields in base64url, as the WebAuthn JSON formats define them.
 */
final class WebAuthnBrowser {

    private static final String CODECS = """
            const bytes = s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
            const text = b => btoa(String.fromCharCode(...new Uint8Array(b)))
                .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
            if (!window.PublicKeyCredential) {
              throw new Error('This browser does not support security keys or passkeys.');
            }
            const o = JSON.parse($0);
            o.challenge = bytes(o.challenge);
            """;

    private static final String CREATE = CODECS + """
            o.user.id = bytes(o.user.id);
            o.excludeCredentials = o.excludeCredentials.map(c => ({...c, id: bytes(c.id)}));
            const c = await navigator.credentials.create({publicKey: o});
            return JSON.stringify({id: c.id, rawId: text(c.rawId), type: c.type,
              authenticatorAttachment: c.authenticatorAttachment || undefined,
              response: {clientDataJSON: text(c.response.clientDataJSON),
                attestationObject: text(c.response.attestationObject),
                transports: c.response.getTransports ? c.response.getTransports() : []},
              clientExtensionResults: c.getClientExtensionResults()});
            """;

    private static final String GET = CODECS + """
            o.allowCredentials = o.allowCredentials.map(c => ({...c, id: bytes(c.id)}));
            const c = await navigator.credentials.get({publicKey: o});
            return JSON.stringify({id: c.id, rawId: text(c.rawId), type: c.type,
              authenticatorAttachment: c.authenticatorAttachment || undefined,
              response: {clientDataJSON: text(c.response.clientDataJSON),
                authenticatorData: text(c.response.authenticatorData),
                signature: text(c.response.signature),
                userHandle: c.response.userHandle ? text(c.response.userHandle) : undefined},
              clientExtensionResults: c.getClientExtensionResults()});
            """;

    private WebAuthnBrowser() {
    }

    /** Asks the browser for a new credential; {@code failed} gets the browser's reason (cancelled, timed out). */
    static void create(UI ui, WebAuthnCeremony ceremony, Consumer<String> answered, Consumer<String> failed) {
        run(ui, CREATE, ceremony, answered, failed);
    }

    /** Asks the browser to sign the challenge with one of the allowed credentials. */
    static void get(UI ui, WebAuthnCeremony ceremony, Consumer<String> answered, Consumer<String> failed) {
        run(ui, GET, ceremony, answered, failed);
    }

    private static void run(UI ui, String script, WebAuthnCeremony ceremony, Consumer<String> answered,
                            Consumer<String> failed) {
        ui.getPage().executeJs("return (async () => {" + script + "})();", ceremony.optionsJson())
                .then(String.class, answered::accept, failed::accept);
    }
}
