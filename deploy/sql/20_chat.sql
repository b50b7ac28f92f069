-- Rides: chat messages of ride rooms and support conversations (owned by src/Grains).
-- Idempotent: safe to run on every start. Table names are unqualified, so the connection's
-- search_path chooses the schema.
--
-- Append-only: one row per message, never updated. message_id is dense per room (1, 2, 3…),
-- assigned by the room's grain; the primary key refuses a second writer of the same id.
-- Paging reads the newest rows below an id through the primary key.

CREATE TABLE IF NOT EXISTS rides_chat_messages
(
    room_kind   text        NOT NULL,
    room_id     text        NOT NULL,
    message_id  bigint      NOT NULL CHECK (message_id > 0),
    sender_id   text        NOT NULL,
    sender_role text        NOT NULL,
    body        text        NOT NULL,
    sent_at     timestamptz NOT NULL,
    CONSTRAINT rides_chat_messages_pk PRIMARY KEY (room_kind, room_id, message_id)
);
