-- Integrators' webhook endpoints: the event types they want, where to post them, the signing secret (Standard
-- Webhooks: whsec_ + base64; needed in full to sign, so it is stored as issued and shown to the owner only once).
-- Deliveries are rows of delivery (channel 'webhook', recipient the endpoint id, notice the event type, text_body the
-- CloudEvents JSON), sent, retried and logged by the dispatcher like mail.
CREATE TABLE webhook_endpoint (
    id                   uuid        PRIMARY KEY,
    seq                  bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    owner                text        NOT NULL,
    url                  text        NOT NULL,
    event_types          text[]      NOT NULL,
    description          text,
    secret               text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('active', 'disabled')),
    consecutive_failures integer     NOT NULL DEFAULT 0,
    disabled_reason      text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

CREATE INDEX webhook_endpoint_by_owner ON webhook_endpoint (owner, seq DESC);
CREATE INDEX webhook_endpoint_by_type ON webhook_endpoint USING gin (event_types) WHERE status = 'active';
CREATE INDEX delivery_by_recipient ON delivery (recipient, seq DESC) WHERE channel = 'webhook';

-- What staff are told when an endpoint is disabled, by mail and among the staff's in-app messages.
INSERT INTO template_version (notice, channel, locale, version, subject, text_body, html_body, author, created_at) VALUES
    ('webhook.disabled', 'email', 'en', 1, 'Webhook endpoint disabled: {{url}}',
     'The webhook endpoint {{endpointId}} of integrator {{owner}} ({{url}}) was disabled: {{reason}}

Its owner or an admin can enable it again once the endpoint answers (POST /api/notifications/webhooks/{{endpointId}}/enable).
',
     '<p>The webhook endpoint {{endpointId}} of integrator {{owner}} (<code>{{url}}</code>) was disabled: {{reason}}</p>
<p>Its owner or an admin can enable it again once the endpoint answers.</p>
', 'shopstream', now()),
    ('webhook.disabled', 'in-app', 'en', 1, 'Webhook endpoint disabled',
     'The endpoint {{url}} of {{owner}} was disabled: {{reason}}',
     NULL, 'shopstream', now()),
    ('webhook.disabled', 'email', 'de', 1, 'Webhook-Endpunkt deaktiviert: {{url}}',
     'Der Webhook-Endpunkt {{endpointId}} des Integrators {{owner}} ({{url}}) wurde deaktiviert: {{reason}}

Sein Eigentümer oder ein Admin kann ihn wieder aktivieren, sobald der Endpunkt antwortet (POST /api/notifications/webhooks/{{endpointId}}/enable).
',
     '<p>Der Webhook-Endpunkt {{endpointId}} des Integrators {{owner}} (<code>{{url}}</code>) wurde deaktiviert: {{reason}}</p>
<p>Sein Eigentümer oder ein Admin kann ihn wieder aktivieren, sobald der Endpunkt antwortet.</p>
', 'shopstream', now()),
    ('webhook.disabled', 'in-app', 'de', 1, 'Webhook-Endpunkt deaktiviert',
     'Der Endpunkt {{url}} von {{owner}} wurde deaktiviert: {{reason}}',
     NULL, 'shopstream', now());

INSERT INTO template (notice, channel, locale, current_version, updated_at)
SELECT notice, channel, locale, version, now() FROM template_version WHERE notice = 'webhook.disabled';
