package io.autoclaims.server.internal;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The analysts' page at {@code /}: three static files from the class path. They hold no data (the
 * script asks the {@code /v1} endpoints, with the token when there is one), so they are served
 * without a token: a browser cannot send one when it opens a page.
 */
final class Page {
    /**
     * Only the page's own files may run or style it, and it may call only this server: workbook or
     * claim text that slipped into the DOM as markup could still not run a script or send data away.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** One file of the page, read once, with the ETag a browser revalidates it by. */
    record Asset(String path, String resource, String contentType, byte[] bytes, String etag) {
    }

    static final List<Asset> ASSETS = List.of(
            asset("/", "index.html", "text/html"),
            asset("/page.css", "page.css", "text/css"),
            asset("/page.js", "page.js", "text/javascript"));

    private Page() {
    }

    private static Asset asset(String path, String resource, String contentType) {
        String name = "/io/autoclaims/server/page/" + resource;
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the page's file " + name + " is missing from the class path");
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
            return new Asset(path, resource, contentType, bytes, "\"" + hash + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The file, or 304 when the browser's copy is current. {@code no-cache}: the browser keeps the
     * file but asks each time, so a server with a newer page is never shown with an older script.
     */
    static void serve(Context ctx, Asset asset) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", asset.etag());
        if (matches(ctx.header("If-None-Match"), asset.etag())) {
            ctx.status(304);
            return;
        }
        ctx.status(200);
        ctx.contentType(asset.contentType() + "; charset=utf-8");
        ctx.result(asset.bytes());
    }

    /** If-None-Match lists ETags (weak ones too, {@code W/"..."}) or is {@code *}. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
