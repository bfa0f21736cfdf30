-- The shop's first templates: every customer-facing notice by mail and in the shop, in English and German, and
-- the staff's low-stock mail. Staff edit them through the API (each edit a new version); these are version 1.
INSERT INTO template_version (notice, channel, locale, version, subject, text_body, html_body, author, created_at) VALUES
    ('welcome', 'email', 'en', 1, 'Welcome to Shopstream',
     '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

welcome to Shopstream. Once you have verified your e-mail address you can sign in and start shopping.

Your Shopstream team
',
     '<p>{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}</p>
<p>welcome to Shopstream. Once you have verified your e-mail address you can sign in and start shopping.</p>
<p>Your Shopstream team</p>
', 'shopstream', now()),
    ('welcome', 'in-app', 'en', 1, 'Welcome to Shopstream',
     'Welcome! Your account is ready once you have verified your address.',
     NULL, 'shopstream', now()),
    ('welcome', 'email', 'de', 1, 'Willkommen bei Shopstream',
     '{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}

willkommen bei Shopstream. Sobald Sie Ihre E-Mail-Adresse bestätigt haben, können Sie sich anmelden und einkaufen.

Ihr Shopstream-Team
',
     '<p>{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}</p>
<p>willkommen bei Shopstream. Sobald Sie Ihre E-Mail-Adresse bestätigt haben, können Sie sich anmelden und einkaufen.</p>
<p>Ihr Shopstream-Team</p>
', 'shopstream', now()),
    ('welcome', 'in-app', 'de', 1, 'Willkommen bei Shopstream',
     'Willkommen! Ihr Konto ist bereit, sobald Sie Ihre Adresse bestätigt haben.',
     NULL, 'shopstream', now()),
    ('order.confirmed', 'email', 'en', 1, 'Your order {{order.number}} is confirmed',
     '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

thank you for your order {{order.number}}. We have received your payment and are preparing your parcel.

{{#order.lines}}- {{quantity}} × {{productName}} ({{unitPrice}})
{{/order.lines}}Total: {{order.total}}

Your Shopstream team
',
     '<p>{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}</p>
<p>thank you for your order {{order.number}}. We have received your payment and are preparing your parcel.</p>
<table>{{#order.lines}}<tr><td>{{quantity}} ×</td><td>{{productName}}</td><td>{{unitPrice}}</td></tr>{{/order.lines}}<tr><td></td><th>Total</th><th>{{order.total}}</th></tr></table>
<p>Your Shopstream team</p>
', 'shopstream', now()),
    ('order.confirmed', 'in-app', 'en', 1, 'Your order {{order.number}} is confirmed',
     'Order {{order.number}} is confirmed: {{order.total}}.',
     NULL, 'shopstream', now()),
    ('order.confirmed', 'email', 'de', 1, 'Ihre Bestellung {{order.number}} ist bestätigt',
     '{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}

vielen Dank für Ihre Bestellung {{order.number}}. Ihre Zahlung ist eingegangen, wir packen Ihr Paket.

{{#order.lines}}- {{quantity}} × {{productName}} ({{unitPrice}})
{{/order.lines}}Summe: {{order.total}}

Ihr Shopstream-Team
',
     '<p>{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}</p>
<p>vielen Dank für Ihre Bestellung {{order.number}}. Ihre Zahlung ist eingegangen, wir packen Ihr Paket.</p>
<table>{{#order.lines}}<tr><td>{{quantity}} ×</td><td>{{productName}}</td><td>{{unitPrice}}</td></tr>{{/order.lines}}<tr><td></td><th>Summe</th><th>{{order.total}}</th></tr></table>
<p>Ihr Shopstream-Team</p>
', 'shopstream', now()),
    ('order.confirmed', 'in-app', 'de', 1, 'Ihre Bestellung {{order.number}} ist bestätigt',
     'Bestellung {{order.number}} ist bestätigt: {{order.total}}.',
     NULL, 'shopstream', now()),
    ('order.payment-failed', 'email', 'en', 1, 'The payment for order {{order.number}} did not go through',
     '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

the payment for your order {{order.number}} did not go through{{#order.reason}} ({{order.reason}}){{/order.reason}}. Nothing was charged; you are welcome to order again with another payment method.

{{#order.lines}}- {{quantity}} × {{productName}} ({{unitPrice}})
{{/order.lines}}Total: {{order.total}}

Your Shopstream team
',
     '<p>{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}</p>
<p>the payment for your order {{order.number}} did not go through{{#order.reason}} ({{order.reason}}){{/order.reason}}. Nothing was charged; you are welcome to order again with another payment method.</p>
<table>{{#order.lines}}<tr><td>{{quantity}} ×</td><td>{{productName}}</td><td>{{unitPrice}}</td></tr>{{/order.lines}}<tr><td></td><th>Total</th><th>{{order.total}}</th></tr></table>
<p>Your Shopstream team</p>
', 'shopstream', now()),
    ('order.payment-failed', 'in-app', 'en', 1, 'The payment for order {{order.number}} did not go through',
     'The payment for order {{order.number}} did not go through.',
     NULL, 'shopstream', now()),
    ('order.payment-failed', 'email', 'de', 1, 'Die Zahlung für Bestellung {{order.number}} ist fehlgeschlagen',
     '{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}

die Zahlung für Ihre Bestellung {{order.number}} ist fehlgeschlagen{{#order.reason}} ({{order.reason}}){{/order.reason}}. Es wurde nichts abgebucht; Sie können gern mit einer anderen Zahlungsart erneut bestellen.

{{#order.lines}}- {{quantity}} × {{productName}} ({{unitPrice}})
{{/order.lines}}Summe: {{order.total}}

Ihr Shopstream-Team
',
     '<p>{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}</p>
<p>die Zahlung für Ihre Bestellung {{order.number}} ist fehlgeschlagen{{#order.reason}} ({{order.reason}}){{/order.reason}}. Es wurde nichts abgebucht; Sie können gern mit einer anderen Zahlungsart erneut bestellen.</p>
<table>{{#order.lines}}<tr><td>{{quantity}} ×</td><td>{{productName}}</td><td>{{unitPrice}}</td></tr>{{/order.lines}}<tr><td></td><th>Summe</th><th>{{order.total}}</th></tr></table>
<p>Ihr Shopstream-Team</p>
', 'shopstream', now()),
    ('order.payment-failed', 'in-app', 'de', 1, 'Die Zahlung für Bestellung {{order.number}} ist fehlgeschlagen',
     'Die Zahlung für Bestellung {{order.number}} ist fehlgeschlagen.',
     NULL, 'shopstream', now()),
    ('order.shipped', 'email', 'en', 1, 'Order {{order.number}} is on its way',
     '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

your order {{order.number}} has left our warehouse{{#order.carrier}} with {{order.carrier}}{{/order.carrier}}.{{#order.trackingNumber}} Tracking number: {{order.trackingNumber}}.{{/order.trackingNumber}}

Your Shopstream team
',
     '<p>{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}</p>
<p>your order {{order.number}} has left our warehouse{{#order.carrier}} with {{order.carrier}}{{/order.carrier}}.{{#order.trackingNumber}} Tracking number: {{order.trackingNumber}}.{{/order.trackingNumber}}</p>
<p>Your Shopstream team</p>
', 'shopstream', now()),
    ('order.shipped', 'in-app', 'en', 1, 'Order {{order.number}} is on its way',
     'Order {{order.number}} has shipped{{#order.carrier}} with {{order.carrier}}{{/order.carrier}}.',
     NULL, 'shopstream', now()),
    ('order.shipped', 'email', 'de', 1, 'Bestellung {{order.number}} ist unterwegs',
     '{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}

Ihre Bestellung {{order.number}} hat unser Lager verlassen{{#order.carrier}} mit {{order.carrier}}{{/order.carrier}}.{{#order.trackingNumber}} Sendungsnummer: {{order.trackingNumber}}.{{/order.trackingNumber}}

Ihr Shopstream-Team
',
     '<p>{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}</p>
<p>Ihre Bestellung {{order.number}} hat unser Lager verlassen{{#order.carrier}} mit {{order.carrier}}{{/order.carrier}}.{{#order.trackingNumber}} Sendungsnummer: {{order.trackingNumber}}.{{/order.trackingNumber}}</p>
<p>Ihr Shopstream-Team</p>
', 'shopstream', now()),
    ('order.shipped', 'in-app', 'de', 1, 'Bestellung {{order.number}} ist unterwegs',
     'Bestellung {{order.number}} wurde versandt{{#order.carrier}} mit {{order.carrier}}{{/order.carrier}}.',
     NULL, 'shopstream', now()),
    ('order.delivered', 'email', 'en', 1, 'Order {{order.number}} has arrived',
     '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

your order {{order.number}} has been delivered. We hope you enjoy it.

Your Shopstream team
',
     '<p>{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}</p>
<p>your order {{order.number}} has been delivered. We hope you enjoy it.</p>
<p>Your Shopstream team</p>
', 'shopstream', now()),
    ('order.delivered', 'in-app', 'en', 1, 'Order {{order.number}} has arrived',
     'Order {{order.number}} was delivered.',
     NULL, 'shopstream', now()),
    ('order.delivered', 'email', 'de', 1, 'Bestellung {{order.number}} ist angekommen',
     '{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}

Ihre Bestellung {{order.number}} wurde zugestellt. Viel Freude damit.

Ihr Shopstream-Team
',
     '<p>{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}</p>
<p>Ihre Bestellung {{order.number}} wurde zugestellt. Viel Freude damit.</p>
<p>Ihr Shopstream-Team</p>
', 'shopstream', now()),
    ('order.delivered', 'in-app', 'de', 1, 'Bestellung {{order.number}} ist angekommen',
     'Bestellung {{order.number}} wurde zugestellt.',
     NULL, 'shopstream', now()),
    ('order.cancelled', 'email', 'en', 1, 'Order {{order.number}} is cancelled',
     '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

your order {{order.number}} has been cancelled{{#order.reason}} ({{order.reason}}){{/order.reason}}. Any money taken is refunded to your payment method.

{{#order.lines}}- {{quantity}} × {{productName}} ({{unitPrice}})
{{/order.lines}}Total: {{order.total}}

Your Shopstream team
',
     '<p>{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}</p>
<p>your order {{order.number}} has been cancelled{{#order.reason}} ({{order.reason}}){{/order.reason}}. Any money taken is refunded to your payment method.</p>
<table>{{#order.lines}}<tr><td>{{quantity}} ×</td><td>{{productName}}</td><td>{{unitPrice}}</td></tr>{{/order.lines}}<tr><td></td><th>Total</th><th>{{order.total}}</th></tr></table>
<p>Your Shopstream team</p>
', 'shopstream', now()),
    ('order.cancelled', 'in-app', 'en', 1, 'Order {{order.number}} is cancelled',
     'Order {{order.number}} is cancelled.',
     NULL, 'shopstream', now()),
    ('order.cancelled', 'email', 'de', 1, 'Bestellung {{order.number}} ist storniert',
     '{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}

Ihre Bestellung {{order.number}} wurde storniert{{#order.reason}} ({{order.reason}}){{/order.reason}}. Bereits gezahltes Geld erstatten wir auf Ihre Zahlungsart.

{{#order.lines}}- {{quantity}} × {{productName}} ({{unitPrice}})
{{/order.lines}}Summe: {{order.total}}

Ihr Shopstream-Team
',
     '<p>{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}</p>
<p>Ihre Bestellung {{order.number}} wurde storniert{{#order.reason}} ({{order.reason}}){{/order.reason}}. Bereits gezahltes Geld erstatten wir auf Ihre Zahlungsart.</p>
<table>{{#order.lines}}<tr><td>{{quantity}} ×</td><td>{{productName}}</td><td>{{unitPrice}}</td></tr>{{/order.lines}}<tr><td></td><th>Summe</th><th>{{order.total}}</th></tr></table>
<p>Ihr Shopstream-Team</p>
', 'shopstream', now()),
    ('order.cancelled', 'in-app', 'de', 1, 'Bestellung {{order.number}} ist storniert',
     'Bestellung {{order.number}} ist storniert.',
     NULL, 'shopstream', now()),
    ('order.refunded', 'email', 'en', 1, 'A refund for order {{order.number}}',
     '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

we have refunded {{order.refunded}} of your order {{order.number}} to your payment method. It can take a few days to show on your statement.

Your Shopstream team
',
     '<p>{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}</p>
<p>we have refunded {{order.refunded}} of your order {{order.number}} to your payment method. It can take a few days to show on your statement.</p>
<p>Your Shopstream team</p>
', 'shopstream', now()),
    ('order.refunded', 'in-app', 'en', 1, 'A refund for order {{order.number}}',
     '{{order.refunded}} of order {{order.number}} is refunded.',
     NULL, 'shopstream', now()),
    ('order.refunded', 'email', 'de', 1, 'Eine Erstattung für Bestellung {{order.number}}',
     '{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}

wir haben {{order.refunded}} Ihrer Bestellung {{order.number}} auf Ihre Zahlungsart erstattet. Es kann einige Tage dauern, bis der Betrag auf Ihrem Konto erscheint.

Ihr Shopstream-Team
',
     '<p>{{#firstName}}Hallo {{firstName}},{{/firstName}}{{^firstName}}Guten Tag,{{/firstName}}</p>
<p>wir haben {{order.refunded}} Ihrer Bestellung {{order.number}} auf Ihre Zahlungsart erstattet. Es kann einige Tage dauern, bis der Betrag auf Ihrem Konto erscheint.</p>
<p>Ihr Shopstream-Team</p>
', 'shopstream', now()),
    ('order.refunded', 'in-app', 'de', 1, 'Eine Erstattung für Bestellung {{order.number}}',
     '{{order.refunded}} der Bestellung {{order.number}} wurden erstattet.',
     NULL, 'shopstream', now()),
    ('stock.low', 'email', 'en', 1, 'Low stock: {{sku}}',
     'SKU {{sku}} is down to {{available}} available (threshold {{threshold}}). Time to reorder or adjust the stock in the console.
',
     '<p>SKU {{sku}} is down to {{available}} available (threshold {{threshold}}). Time to reorder or adjust the stock in the console.</p>
', 'shopstream', now()),
    ('stock.low', 'email', 'de', 1, 'Niedriger Bestand: {{sku}}',
     'Von SKU {{sku}} sind nur noch {{available}} verfügbar (Schwelle {{threshold}}). Zeit nachzubestellen oder den Bestand in der Konsole anzupassen.
',
     '<p>Von SKU {{sku}} sind nur noch {{available}} verfügbar (Schwelle {{threshold}}). Zeit nachzubestellen oder den Bestand in der Konsole anzupassen.</p>
', 'shopstream', now());

INSERT INTO template (notice, channel, locale, current_version, updated_at)
SELECT notice, channel, locale, version, now() FROM template_version;
