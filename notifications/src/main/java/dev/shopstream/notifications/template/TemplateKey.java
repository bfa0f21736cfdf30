package dev.shopstream.notifications.template;

/**
 * Which template: a notice (what happened, e.g. {@code order.confirmed}), the channel it goes out on and the locale
 * it is written in.
 */
public record TemplateKey(String notice, Channel channel, String locale) {

    /** The longest notice: up to three dot-separated names of up to 31 characters, as the API accepts them. */
    public static final int MAX_NOTICE_LENGTH = 95;
    /** A template's locale is a two-letter language code. */
    public static final int MAX_LOCALE_LENGTH = 2;

    /**
     * The channels messages go out on; every one but {@code webhook} (events posted as they are) has templates. SMS
     * and push go through a provider (an HTTP one, or the local sink that records them).
     */
    public enum Channel {
        EMAIL("email"), IN_APP("in-app"), WEBHOOK("webhook"), SMS("sms"), PUSH("push");

        private final String code;

        Channel(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** Whether it reaches people, who choose what they receive on it (all but webhooks, for integrators). */
        public boolean forPeople() {
            return this != WEBHOOK;
        }

        /** Whether its templates have an HTML body (mail only; the others are text). */
        public boolean hasHtml() {
            return this == EMAIL;
        }

        public static Channel of(String code) {
            for (Channel channel : values()) {
                if (channel.code.equals(code)) {
                    return channel;
                }
            }
            throw new IllegalArgumentException("Unknown channel " + code);
        }
    }

    public TemplateKey inLocale(String other) {
        return new TemplateKey(notice, channel, other);
    }

    @Override
    public String toString() {
        return notice + "/" + channel.code() + "/" + locale;
    }
}
