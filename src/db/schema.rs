//! The tables, written once for both backends: text ids, UTC timestamps.

diesel::table! {
    organisations (id) {
        id -> Text,
        name -> Text,
        name_key -> Text,
        short_name -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        organisation_id -> Text,
        is_admin -> Bool,
        password_hash -> Nullable<Text>,
        session_epoch -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    bodies (id) {
        id -> Text,
        name -> Text,
        slug -> Text,
        kind -> Text,
        parent_id -> Nullable<Text>,
        publication_clear_days -> Integer,
        clear_days_basis -> Text,
        paper_deadline_working_days -> Integer,
        proposal_deadline_working_days -> Integer,
        paper_cutoff_time -> Text,
        max_purpose_words -> Integer,
        max_summary_words -> Integer,
        max_body_words -> Integer,
        holiday_calendar -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    memberships (id) {
        id -> Text,
        body_id -> Text,
        user_id -> Text,
        role -> Text,
        substitute_for_user_id -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    priorities (id) {
        id -> Text,
        body_id -> Text,
        title -> Text,
        active -> Bool,
        created_at -> Timestamp,
        retired_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        label -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        occurred_at -> Timestamp,
        actor_user_id -> Nullable<Text>,
        actor -> Text,
        action -> Text,
        entity_type -> Text,
        entity_id -> Text,
        summary -> Text,
        client_addr -> Nullable<Text>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        template -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        dedupe_key -> Nullable<Text>,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
    }
}

diesel::joinable!(users -> organisations (organisation_id));
diesel::joinable!(memberships -> bodies (body_id));
diesel::joinable!(priorities -> bodies (body_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(invitations -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    users,
    bodies,
    memberships,
    priorities,
    api_tokens,
    invitations,
    audit_log,
    outbox,
);
