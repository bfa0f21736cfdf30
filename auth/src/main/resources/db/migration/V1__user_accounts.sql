-- What the auth service remembers about a Keycloak user (Keycloak keeps the identity itself): whether the e-mail
-- address was already known to be verified, so the change is announced once (user.events email-verified).
CREATE TABLE user_account (
    user_id        TEXT        PRIMARY KEY,
    email_verified BOOLEAN     NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
