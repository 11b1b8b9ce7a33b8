package com.delivery.notification.infra;

import com.google.api.client.http.javanet.ConnectionFactory;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;

/**
 * Opens the Google HTTP client's connections against another base URL when one is configured (the FCM and OAuth
 * stand-in of the tests), keeping path and query; otherwise connects where the SDK asked.
 */
final class BaseUrlConnectionFactory implements ConnectionFactory {

    private final URI base;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    BaseUrlConnectionFactory(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.base = baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public HttpURLConnection openConnection(URL url) throws IOException {
        URL target = base == null ? url : rewrite(url);
        HttpURLConnection connection = (HttpURLConnection) target.openConnection();
        connection.setConnectTimeout((int) connectTimeout.toMillis());
        connection.setReadTimeout((int) readTimeout.toMillis());
        return connection;
    }

    private URL rewrite(URL url) throws IOException {
        try {
            return new URI(base.getScheme(), null, base.getHost(), base.getPort(), url.getPath(), url.getQuery(), null)
                    .toURL();
        } catch (URISyntaxException e) {
            throw new IOException("Cannot point " + url + " at " + base, e);
        }
    }
}
