package dev.newsbot.config;

/** A {@code host:port} address from the configuration; errors name the key. */
record HostPort(String host, int port) {

    static HostPort parse(String text, String key) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(key + " must be host:port, was \"" + text + "\"");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new HostPort(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must end in a port from 0 to 65535, was \"" + text + "\"");
        }
    }
}
