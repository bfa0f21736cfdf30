package dev.shopstream.notifications.sms;

import dev.shopstream.notifications.delivery.Delivery;
import dev.shopstream.notifications.delivery.DeliveryFailedException;
import dev.shopstream.notifications.delivery.Sender;
import dev.shopstream.notifications.provider.HttpProvider;
import dev.shopstream.notifications.provider.MessageProvider;
import dev.shopstream.notifications.provider.MessageProviders;
import dev.shopstream.notifications.provider.ProviderMessage;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Sends SMS deliveries (the text body to the phone number they were queued for) through the configured provider
 * ({@link MessageProviders}). Its settings are checked when the application starts, so a wrong one stops it.
 */
@ApplicationScoped
public class SmsSender implements Sender {

    private static final Logger LOG = Logger.getLogger(SmsSender.class.getName());

    @Inject
    MessageProviders providers;

    private MessageProvider provider;

    @PostConstruct
    void configure() {
        provider = providers.of(Channel.SMS);
    }

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> provider instanceof HttpProvider http ? "SMS go to the provider at " + http.url()
                : "SMS are recorded by the local sink, not sent");
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryFailedException {
        provider.send(new ProviderMessage(delivery.id().toString(), Channel.SMS, delivery.notice(),
                delivery.recipient(), null, delivery.subject(), delivery.textBody(), delivery.userId()));
    }
}
