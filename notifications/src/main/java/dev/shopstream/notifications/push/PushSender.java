package dev.shopstream.notifications.push;

import dev.shopstream.notifications.delivery.Delivery;
import dev.shopstream.notifications.delivery.DeliveryFailedException;
import dev.shopstream.notifications.delivery.Sender;
import dev.shopstream.notifications.provider.HttpProvider;
import dev.shopstream.notifications.provider.MessageProvider;
import dev.shopstream.notifications.provider.MessageProviders;
import dev.shopstream.notifications.provider.ProviderMessage;
import dev.shopstream.notifications.provider.RecipientGoneException;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends push deliveries through the configured provider ({@link MessageProviders}). A delivery names its device by
 * id; the token is read when it is sent, so a device deleted meanwhile gets nothing (the delivery is dead), and a
 * token the provider says is gone (410) is deleted. Settings are checked when the application starts.
 */
@ApplicationScoped
public class PushSender implements Sender {

    private static final Logger LOG = Logger.getLogger(PushSender.class.getName());

    @Inject
    MessageProviders providers;

    @Inject
    DeviceStore devices;

    private MessageProvider provider;

    @PostConstruct
    void configure() {
        provider = providers.of(Channel.PUSH);
    }

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> provider instanceof HttpProvider http ? "Push notifications go to the provider at "
                + http.url() : "Push notifications are recorded by the local sink, not sent");
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryFailedException {
        UUID deviceId = UUID.fromString(delivery.recipient());
        Device device = devices.find(deviceId).filter(found -> found.userId().equals(delivery.userId()))
                .orElseThrow(() -> new DeliveryFailedException("The device was unregistered.", true, null));
        try {
            provider.send(new ProviderMessage(delivery.id().toString(), Channel.PUSH, delivery.notice(),
                    device.token(), device.platform().code(), delivery.subject(), delivery.textBody(),
                    delivery.userId()));
        } catch (RecipientGoneException e) {
            devices.gone(deviceId);
            LOG.info(() -> "Device " + deviceId + " of user " + delivery.userId() + " is gone; it is unregistered");
            throw e;
        }
    }
}
