package dev.shopstream.payments.intent;

import dev.shopstream.payments.provider.PaymentProvider.AuthorizationRequest;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderGateway;
import dev.shopstream.payments.provider.ProviderRefusedException;
import dev.shopstream.payments.provider.ProviderUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Asks the provider to authorize a payment without ever losing or doubling a charge: the intent is stored first
 * (outcome unknown), the provider is called with the intent id as its idempotency key, and the answer is recorded.
 * When the answer does not come, the intent stays unknown and {@link UnknownIntentResolver} settles it later by
 * asking the provider what it did with that key.
 */
@ApplicationScoped
public class Authorizations {

    private static final Logger LOG = Logger.getLogger(Authorizations.class.getName());
    private static final String REFUSED = "provider_refused";

    @Inject
    PaymentIntents intents;

    @Inject
    PaymentIntentStore store;

    @Inject
    ProviderGateway gateway;

    public PaymentIntent authorize(NewPayment payment) {
        PaymentIntent intent = intents.open(payment);
        return askProvider(intent).orElseGet(() -> store.find(intent.id()).orElseThrow());
    }

    /** Settles an intent whose outcome is unknown: from the provider's record, else by asking again. */
    public void resolve(UUID id) {
        store.find(id).filter(intent -> intent.status() == PaymentStatus.UNKNOWN).ifPresent(intent -> {
            try {
                Optional<ProviderCharge> known = gateway.findCharge(intent.provider(), intent.id().toString());
                if (known.isPresent()) {
                    intents.catchUp(intent.id(), known.get());
                } else {
                    // The request never reached the provider: sending it again under the same key is safe.
                    askProvider(intent);
                }
            } catch (FaultToleranceException | ProviderUnavailableException e) {
                LOG.info(() -> "Payment " + id + " is still unknown; the provider did not answer: " + e);
            }
        });
    }

    private Optional<PaymentIntent> askProvider(PaymentIntent intent) {
        try {
            ProviderCharge charge = gateway.authorize(intent.provider(), new AuthorizationRequest(
                    intent.id().toString(), intent.amount().amountMinor(), intent.currency(),
                    intent.paymentMethodToken()));
            return Optional.of(intents.catchUp(intent.id(), charge));
        } catch (FaultToleranceException | ProviderUnavailableException e) {
            LOG.warning(() -> "Payment " + intent.id() + " left unknown: the provider did not answer (" + e
                    + "); the resolver will settle it");
            return Optional.empty();
        } catch (ProviderRefusedException e) {
            // Asking again would be refused again: the payment failed, and nothing was charged.
            LOG.warning(() -> "Payment " + intent.id() + " failed: " + e.getMessage());
            return Optional.of(intents.catchUp(intent.id(), ProviderCharge.failed(null, intent.id().toString(),
                    intent.amount().amountMinor(), intent.currency(), REFUSED)));
        }
    }
}
