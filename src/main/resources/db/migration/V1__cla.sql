-- The CLA site: agreements and their immutable versions, signatures, repository mappings and the
-- hash-chained audit log. Forward only: a change is a new migration.

CREATE TABLE agreements (
    id          BIGSERIAL PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- Extra fields the signing form asks for, in order: [{"name": "...", "label": "..."}].
    fields      JSONB NOT NULL DEFAULT '[]',
    -- The sample of a development run, shown as such.
    sample      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE agreement_versions (
    agreement_id  BIGINT NOT NULL REFERENCES agreements (id),
    number        INT NOT NULL CHECK (number >= 1),
    change_kind   TEXT NOT NULL CHECK (change_kind IN ('material', 'editorial')),
    changelog     TEXT NOT NULL,
    text          TEXT NOT NULL,
    html          TEXT NOT NULL,
    sha256        TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    published_at  TIMESTAMPTZ NOT NULL,
    published_by  BIGINT,
    PRIMARY KEY (agreement_id, number),
    -- The first version is material: before it, there is nothing for signatures to cover.
    CHECK (number > 1 OR change_kind = 'material')
);

CREATE TABLE signatures (
    id            TEXT PRIMARY KEY CHECK (length(id) >= 22),
    agreement_id  BIGINT NOT NULL,
    version       INT NOT NULL,
    user_id       BIGINT NOT NULL,
    login         TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    -- The form's fields, in order: {"name": ..., "email": ..., extra fields...}.
    fields        JSONB NOT NULL,
    signed_at     TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    FOREIGN KEY (agreement_id, version) REFERENCES agreement_versions (agreement_id, number)
);
-- One standing signature per user and version: a double submit stores nothing twice. It also
-- answers "is this user covered" for a batch of users with one index-only scan.
CREATE UNIQUE INDEX signatures_standing ON signatures (agreement_id, user_id, version) WHERE revoked_at IS NULL;
CREATE INDEX signatures_by_user ON signatures (user_id, signed_at DESC);
CREATE INDEX signatures_by_agreement ON signatures (agreement_id, signed_at DESC);
CREATE INDEX signatures_by_login ON signatures (agreement_id, lower(login) text_pattern_ops);

CREATE TABLE repositories (
    -- owner/name, or owner/* for every repository of an owner; lower case.
    pattern       TEXT PRIMARY KEY CHECK (pattern ~ '^[a-z0-9_.-]+/([a-z0-9_.-]+|\*)$'),
    agreement_id  BIGINT NOT NULL REFERENCES agreements (id),
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_log (
    id             BIGSERIAL PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    actor_id       BIGINT,
    actor_login    TEXT NOT NULL,
    action         TEXT NOT NULL,
    subject        TEXT NOT NULL,
    detail         TEXT NOT NULL,
    previous_hash  TEXT NOT NULL,
    hash           TEXT NOT NULL
);
