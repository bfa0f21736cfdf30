-- SMS and push (issue 14): templates for the order notices on both channels, users' choices of transactional SMS
-- (opt-in) and push (on until switched off), the devices customers register for push, what the local sink recorded
-- instead of sending, and the staff's notice of a reconciliation gap (payment.events).

ALTER TABLE template_version DROP CONSTRAINT template_version_channel_check;
ALTER TABLE template_version ADD CONSTRAINT template_version_channel_check
    CHECK (channel IN ('email', 'in-app', 'sms', 'push'));

-- Transactional messages may now be chosen, on the channels where they can be: SMS and push.
ALTER TABLE preference DROP CONSTRAINT preference_category_check;
ALTER TABLE preference ADD CONSTRAINT preference_category_check
    CHECK (category = 'marketing' OR (category = 'transactional' AND channel IN ('sms', 'push')));

-- The app installations a user registered for push: the provider's token (unique: an installation belongs to the
-- user who registered it last), the platform. Forgotten on user.deleted. Push deliveries name the device's id as
-- their recipient, so the token never enters the delivery log.
CREATE TABLE device (
    id                 uuid        PRIMARY KEY,
    seq                bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    user_id            text        NOT NULL,
    platform           text        NOT NULL CHECK (platform IN ('ios', 'android', 'web')),
    token              text        NOT NULL UNIQUE,
    created_at         timestamptz NOT NULL,
    last_registered_at timestamptz NOT NULL
);

CREATE INDEX device_by_user ON device (user_id, seq DESC);

-- What the local sink (the SMS and push provider of local development and tests) would have sent, once per delivery.
CREATE TABLE sink_message (
    id          uuid        PRIMARY KEY,
    seq         bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    delivery_id uuid        NOT NULL UNIQUE,
    channel     text        NOT NULL CHECK (channel IN ('sms', 'push')),
    user_id     text,
    notice      text        NOT NULL,
    recipient   text        NOT NULL,
    platform    text,
    title       text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX sink_message_by_user ON sink_message (user_id);

-- Short texts: an SMS is the text body only (the subject is the log's label), a push notification title and text.
INSERT INTO template_version (notice, channel, locale, version, subject, text_body, html_body, author, created_at) VALUES
    ('order.confirmed', 'sms', 'en', 1, 'Order {{order.number}} confirmed',
     'Shopstream: your order {{order.number}} ({{order.total}}) is confirmed. Thank you!', NULL, 'shopstream', now()),
    ('order.confirmed', 'sms', 'de', 1, 'Bestellung {{order.number}} bestätigt',
     'Shopstream: Ihre Bestellung {{order.number}} ({{order.total}}) ist bestätigt. Vielen Dank!', NULL, 'shopstream', now()),
    ('order.confirmed', 'push', 'en', 1, 'Order {{order.number}} confirmed',
     'Thank you! We are preparing your parcel ({{order.total}}).', NULL, 'shopstream', now()),
    ('order.confirmed', 'push', 'de', 1, 'Bestellung {{order.number}} bestätigt',
     'Vielen Dank! Wir packen Ihr Paket ({{order.total}}).', NULL, 'shopstream', now()),
    ('order.payment-failed', 'sms', 'en', 1, 'Payment for order {{order.number}} failed',
     'Shopstream: the payment for your order {{order.number}} did not go through. Nothing was charged.', NULL, 'shopstream', now()),
    ('order.payment-failed', 'sms', 'de', 1, 'Zahlung für Bestellung {{order.number}} fehlgeschlagen',
     'Shopstream: Die Zahlung für Ihre Bestellung {{order.number}} ist fehlgeschlagen. Es wurde nichts abgebucht.', NULL, 'shopstream', now()),
    ('order.payment-failed', 'push', 'en', 1, 'Payment did not go through',
     'The payment for order {{order.number}} did not go through. Nothing was charged.', NULL, 'shopstream', now()),
    ('order.payment-failed', 'push', 'de', 1, 'Zahlung fehlgeschlagen',
     'Die Zahlung für Bestellung {{order.number}} ist fehlgeschlagen. Es wurde nichts abgebucht.', NULL, 'shopstream', now()),
    ('order.shipped', 'sms', 'en', 1, 'Order {{order.number}} shipped',
     'Shopstream: your order {{order.number}} is on its way{{#order.carrier}} with {{order.carrier}}{{/order.carrier}}.{{#order.trackingNumber}} Tracking: {{order.trackingNumber}}{{/order.trackingNumber}}', NULL, 'shopstream', now()),
    ('order.shipped', 'sms', 'de', 1, 'Bestellung {{order.number}} versandt',
     'Shopstream: Ihre Bestellung {{order.number}} ist unterwegs{{#order.carrier}} mit {{order.carrier}}{{/order.carrier}}.{{#order.trackingNumber}} Sendungsnummer: {{order.trackingNumber}}{{/order.trackingNumber}}', NULL, 'shopstream', now()),
    ('order.shipped', 'push', 'en', 1, 'Order {{order.number}} is on its way',
     'Your parcel has shipped{{#order.carrier}} with {{order.carrier}}{{/order.carrier}}.', NULL, 'shopstream', now()),
    ('order.shipped', 'push', 'de', 1, 'Bestellung {{order.number}} ist unterwegs',
     'Ihr Paket wurde versandt{{#order.carrier}} mit {{order.carrier}}{{/order.carrier}}.', NULL, 'shopstream', now()),
    ('order.delivered', 'sms', 'en', 1, 'Order {{order.number}} delivered',
     'Shopstream: your order {{order.number}} has been delivered. Enjoy!', NULL, 'shopstream', now()),
    ('order.delivered', 'sms', 'de', 1, 'Bestellung {{order.number}} zugestellt',
     'Shopstream: Ihre Bestellung {{order.number}} wurde zugestellt. Viel Freude damit!', NULL, 'shopstream', now()),
    ('order.delivered', 'push', 'en', 1, 'Order {{order.number}} has arrived',
     'Your parcel has been delivered. Enjoy!', NULL, 'shopstream', now()),
    ('order.delivered', 'push', 'de', 1, 'Bestellung {{order.number}} ist angekommen',
     'Ihr Paket wurde zugestellt. Viel Freude damit!', NULL, 'shopstream', now()),
    ('order.cancelled', 'sms', 'en', 1, 'Order {{order.number}} cancelled',
     'Shopstream: your order {{order.number}} has been cancelled. Any money taken is refunded.', NULL, 'shopstream', now()),
    ('order.cancelled', 'sms', 'de', 1, 'Bestellung {{order.number}} storniert',
     'Shopstream: Ihre Bestellung {{order.number}} wurde storniert. Bereits gezahltes Geld erstatten wir.', NULL, 'shopstream', now()),
    ('order.cancelled', 'push', 'en', 1, 'Order {{order.number}} is cancelled',
     'Any money taken is refunded to your payment method.', NULL, 'shopstream', now()),
    ('order.cancelled', 'push', 'de', 1, 'Bestellung {{order.number}} ist storniert',
     'Bereits gezahltes Geld erstatten wir auf Ihre Zahlungsart.', NULL, 'shopstream', now()),
    ('order.refunded', 'sms', 'en', 1, 'Refund for order {{order.number}}',
     'Shopstream: we have refunded {{order.refunded}} of your order {{order.number}}.', NULL, 'shopstream', now()),
    ('order.refunded', 'sms', 'de', 1, 'Erstattung für Bestellung {{order.number}}',
     'Shopstream: Wir haben {{order.refunded}} Ihrer Bestellung {{order.number}} erstattet.', NULL, 'shopstream', now()),
    ('order.refunded', 'push', 'en', 1, 'A refund for order {{order.number}}',
     '{{order.refunded}} is on its way back to your payment method.', NULL, 'shopstream', now()),
    ('order.refunded', 'push', 'de', 1, 'Eine Erstattung für Bestellung {{order.number}}',
     '{{order.refunded}} sind auf dem Weg zurück auf Ihre Zahlungsart.', NULL, 'shopstream', now());

-- What staff are told when payments' reconciliation finds a gap between the ledger and the provider.
INSERT INTO template_version (notice, channel, locale, version, subject, text_body, html_body, author, created_at) VALUES
    ('payment.reconciliation-gap', 'email', 'en', 1, 'Reconciliation gap: {{kind}}{{#paymentId}} in payment {{paymentId}}{{/paymentId}}',
     'Reconciliation run {{runId}} found gap {{gapId}} between the ledger and the provider {{provider}}: {{kind}}.

Payment: {{#paymentId}}{{paymentId}}{{/paymentId}}{{^paymentId}}none in the ledger{{/paymentId}}
Provider reference: {{#providerReference}}{{providerReference}}{{/providerReference}}{{^providerReference}}none at the provider{{/providerReference}}
Ledger: {{ledgerValue}}
Provider: {{providerValue}}
Window: {{windowStart}} to {{windowEnd}}

See the payment and the gap in the console.
',
     '<p>Reconciliation run {{runId}} found gap {{gapId}} between the ledger and the provider {{provider}}: <strong>{{kind}}</strong>.</p>
<table><tr><th>Payment</th><td>{{#paymentId}}{{paymentId}}{{/paymentId}}{{^paymentId}}none in the ledger{{/paymentId}}</td></tr>
<tr><th>Provider reference</th><td>{{#providerReference}}{{providerReference}}{{/providerReference}}{{^providerReference}}none at the provider{{/providerReference}}</td></tr>
<tr><th>Ledger</th><td>{{ledgerValue}}</td></tr><tr><th>Provider</th><td>{{providerValue}}</td></tr>
<tr><th>Window</th><td>{{windowStart}} to {{windowEnd}}</td></tr></table>
<p>See the payment and the gap in the console.</p>
', 'shopstream', now()),
    ('payment.reconciliation-gap', 'in-app', 'en', 1, 'Reconciliation gap: {{kind}}',
     'Gap {{gapId}} ({{provider}}){{#paymentId}} in payment {{paymentId}}{{/paymentId}}: ledger {{ledgerValue}}, provider {{providerValue}}.',
     NULL, 'shopstream', now()),
    ('payment.reconciliation-gap', 'email', 'de', 1, 'Abstimmungslücke: {{kind}}{{#paymentId}} in Zahlung {{paymentId}}{{/paymentId}}',
     'Der Abstimmungslauf {{runId}} hat die Lücke {{gapId}} zwischen dem Hauptbuch und dem Anbieter {{provider}} gefunden: {{kind}}.

Zahlung: {{#paymentId}}{{paymentId}}{{/paymentId}}{{^paymentId}}keine im Hauptbuch{{/paymentId}}
Referenz des Anbieters: {{#providerReference}}{{providerReference}}{{/providerReference}}{{^providerReference}}keine beim Anbieter{{/providerReference}}
Hauptbuch: {{ledgerValue}}
Anbieter: {{providerValue}}
Zeitraum: {{windowStart}} bis {{windowEnd}}

Zahlung und Lücke stehen in der Konsole.
',
     '<p>Der Abstimmungslauf {{runId}} hat die Lücke {{gapId}} zwischen dem Hauptbuch und dem Anbieter {{provider}} gefunden: <strong>{{kind}}</strong>.</p>
<table><tr><th>Zahlung</th><td>{{#paymentId}}{{paymentId}}{{/paymentId}}{{^paymentId}}keine im Hauptbuch{{/paymentId}}</td></tr>
<tr><th>Referenz des Anbieters</th><td>{{#providerReference}}{{providerReference}}{{/providerReference}}{{^providerReference}}keine beim Anbieter{{/providerReference}}</td></tr>
<tr><th>Hauptbuch</th><td>{{ledgerValue}}</td></tr><tr><th>Anbieter</th><td>{{providerValue}}</td></tr>
<tr><th>Zeitraum</th><td>{{windowStart}} bis {{windowEnd}}</td></tr></table>
<p>Zahlung und Lücke stehen in der Konsole.</p>
', 'shopstream', now()),
    ('payment.reconciliation-gap', 'in-app', 'de', 1, 'Abstimmungslücke: {{kind}}',
     'Lücke {{gapId}} ({{provider}}){{#paymentId}} in Zahlung {{paymentId}}{{/paymentId}}: Hauptbuch {{ledgerValue}}, Anbieter {{providerValue}}.',
     NULL, 'shopstream', now());

INSERT INTO template (notice, channel, locale, current_version, updated_at)
SELECT notice, channel, locale, version, now() FROM template_version
WHERE channel IN ('sms', 'push') OR notice = 'payment.reconciliation-gap';
