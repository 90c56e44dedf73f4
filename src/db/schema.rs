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
        calendar_secret -> Nullable<Text>,
        language -> Nullable<Text>,
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
        rules -> Text,
        remote_attendance_counts -> Bool,
        votes_by_name -> Bool,
        decision_note_working_days -> Integer,
        bilingual -> Bool,
        translation_working_days -> Integer,
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
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        client -> Text,
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
    mail_preferences (user_id) {
        user_id -> Text,
        delivery -> Text,
        topics_off -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    password_resets (id) {
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
        attachment_name -> Nullable<Text>,
        attachment_content -> Nullable<Text>,
        body_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        unsubscribe -> Nullable<Text>,
        held -> Bool,
        digest_id -> Nullable<Text>,
    }
}

diesel::joinable!(users -> organisations (organisation_id));
diesel::joinable!(memberships -> bodies (body_id));
diesel::joinable!(priorities -> bodies (body_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(invitations -> users (user_id));
diesel::joinable!(password_resets -> users (user_id));
diesel::joinable!(mail_preferences -> users (user_id));
diesel::joinable!(sessions -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    users,
    interests,
    interest_policies,
    bodies,
    memberships,
    priorities,
    api_tokens,
    sessions,
    invitations,
    password_resets,
    mail_preferences,
    audit_log,
    outbox,
    meetings,
    papers,
    paper_versions,
    holiday_imports,
    attachments,
    proposals,
    agendas,
    agenda_items,
    agenda_versions,
    packs,
    attendance,
    item_notes,
    declarations,
    decisions,
    actions,
    action_events,
    minutes,
    decision_votes,
    attendance_moves,
    decision_notes,
);

diesel::table! {
    interests (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        description -> Text,
        organisation_id -> Nullable<Text>,
        value_pence -> Nullable<Integer>,
        starts_on -> Date,
        ends_on -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interest_policies (organisation_id) {
        organisation_id -> Text,
        gift_threshold_pence -> Integer,
        publish -> Bool,
    }
}

diesel::table! {
    meetings (id) {
        id -> Text,
        body_id -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        location -> Text,
        status -> Text,
        cancel_reason -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        remote_access -> Text,
        translation_urgency_en -> Nullable<Text>,
        translation_urgency_cy -> Nullable<Text>,
        translation_urgency_by -> Nullable<Text>,
    }
}

diesel::table! {
    papers (id) {
        id -> Text,
        meeting_id -> Text,
        author_user_id -> Text,
        status -> Text,
        version -> Integer,
        title -> Text,
        item_type -> Nullable<Text>,
        presenting_organisation_id -> Nullable<Text>,
        presenter_user_id -> Nullable<Text>,
        sponsor_user_id -> Nullable<Text>,
        purpose -> Text,
        summary -> Text,
        recommendations -> Text,
        implications_financial -> Text,
        implications_legal -> Text,
        implications_risk -> Text,
        implications_equality -> Text,
        equality_assessment -> Nullable<Text>,
        implications_environment -> Text,
        consulted_organisation_ids -> Text,
        priority_id -> Nullable<Text>,
        no_priority_reason -> Text,
        body_markdown -> Text,
        exempt_category -> Nullable<Integer>,
        exempt_reason -> Text,
        minutes_allocated -> Nullable<Integer>,
        late -> Bool,
        late_reason -> Nullable<Text>,
        late_decision -> Nullable<Text>,
        late_decision_note -> Nullable<Text>,
        late_decided_by -> Nullable<Text>,
        late_decided_at -> Nullable<Timestamp>,
        signed_off_by -> Nullable<Text>,
        signed_off_at -> Nullable<Timestamp>,
        submitted_at -> Nullable<Timestamp>,
        returned_reason -> Nullable<Text>,
        withdrawn_reason -> Nullable<Text>,
        accepted_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        key_decision -> Bool,
        exempt_public_interest -> Text,
        implications_welsh_language -> Text,
    }
}

diesel::table! {
    paper_versions (id) {
        id -> Text,
        paper_id -> Text,
        version -> Integer,
        status -> Text,
        snapshot -> Text,
        saved_by -> Text,
        saved_at -> Timestamp,
    }
}

diesel::table! {
    holiday_imports (id) {
        id -> Text,
        content -> Text,
        imported_by -> Text,
        imported_at -> Timestamp,
    }
}

diesel::table! {
    attachments (id) {
        id -> Text,
        paper_id -> Text,
        filename -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        uploaded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    proposals (id) {
        id -> Text,
        meeting_id -> Text,
        proposer_user_id -> Text,
        title -> Text,
        item_type -> Text,
        presenting_organisation_id -> Text,
        priority_id -> Nullable<Text>,
        no_priority_reason -> Text,
        minutes_estimate -> Nullable<Integer>,
        status -> Text,
        outcome_reason -> Nullable<Text>,
        deferred_to_meeting_id -> Nullable<Text>,
        paper_id -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        referred_from_item_id -> Nullable<Text>,
        key_decision -> Bool,
        exempt_category -> Nullable<Integer>,
    }
}

diesel::joinable!(attachments -> papers (paper_id));
diesel::joinable!(meetings -> bodies (body_id));
diesel::joinable!(papers -> meetings (meeting_id));
diesel::joinable!(paper_versions -> papers (paper_id));

diesel::table! {
    agendas (meeting_id) {
        meeting_id -> Text,
        version -> Integer,
        published_number -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    agenda_items (id) {
        id -> Text,
        meeting_id -> Text,
        kind -> Text,
        position -> Integer,
        title -> Text,
        item_type -> Nullable<Text>,
        paper_id -> Nullable<Text>,
        presenter_user_id -> Nullable<Text>,
        organisation_id -> Nullable<Text>,
        minutes_allocated -> Integer,
        verbal_reason -> Nullable<Text>,
        to_note -> Bool,
        exempt_category -> Nullable<Integer>,
        referred_from_item_id -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        exempt_public_interest -> Text,
    }
}

diesel::table! {
    agenda_versions (id) {
        id -> Text,
        meeting_id -> Text,
        number -> Integer,
        published_at -> Timestamp,
        published_by -> Text,
        late_reason -> Nullable<Text>,
        supplement_reason -> Nullable<Text>,
        snapshot -> Text,
    }
}

diesel::table! {
    packs (id) {
        id -> Text,
        agenda_version_id -> Text,
        audience -> Text,
        status -> Text,
        attempts -> Integer,
        error -> Nullable<Text>,
        sha256 -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(agenda_items -> meetings (meeting_id));
diesel::joinable!(agenda_versions -> meetings (meeting_id));

diesel::table! {
    attendance (meeting_id, user_id) {
        meeting_id -> Text,
        user_id -> Text,
        status -> Text,
        substitute_for_user_id -> Nullable<Text>,
        updated_at -> Timestamp,
        mode -> Nullable<Text>,
    }
}

diesel::table! {
    declarations (id) {
        id -> Text,
        meeting_id -> Text,
        item_id -> Text,
        user_id -> Text,
        interest -> Text,
        idempotency_key -> Nullable<Text>,
        idempotency_digest -> Nullable<Text>,
        created_at -> Timestamp,
        left_room -> Bool,
    }
}

diesel::table! {
    decisions (id) {
        id -> Text,
        body_id -> Text,
        meeting_id -> Text,
        item_id -> Text,
        year -> Integer,
        number -> Integer,
        reference -> Text,
        text -> Text,
        exempt -> Bool,
        idempotency_key -> Nullable<Text>,
        idempotency_digest -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        withdrawn_reason -> Nullable<Text>,
        withdrawn_at -> Nullable<Timestamp>,
        votes_for -> Nullable<Integer>,
        votes_against -> Nullable<Integer>,
        votes_abstain -> Nullable<Integer>,
    }
}

diesel::table! {
    decision_votes (decision_id, user_id) {
        decision_id -> Text,
        user_id -> Text,
        vote -> Text,
    }
}

diesel::table! {
    attendance_moves (id) {
        id -> Text,
        meeting_id -> Text,
        item_id -> Text,
        user_id -> Text,
        movement -> Text,
        mode -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    decision_notes (meeting_id) {
        meeting_id -> Text,
        reminded_at -> Nullable<Timestamp>,
        published_at -> Nullable<Timestamp>,
        published_by -> Nullable<Text>,
    }
}

diesel::table! {
    actions (id) {
        id -> Text,
        body_id -> Text,
        meeting_id -> Nullable<Text>,
        item_id -> Nullable<Text>,
        decision_id -> Nullable<Text>,
        description -> Text,
        owner_user_id -> Text,
        owner_organisation_id -> Text,
        due_on -> Date,
        status -> Text,
        dropped_reason -> Nullable<Text>,
        closed_on -> Nullable<Date>,
        exempt -> Bool,
        version -> Integer,
        idempotency_key -> Nullable<Text>,
        idempotency_digest -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        next_reminder_on -> Date,
    }
}

diesel::table! {
    action_events (id) {
        id -> Text,
        action_id -> Text,
        kind -> Text,
        note -> Text,
        old_due_on -> Nullable<Date>,
        new_due_on -> Nullable<Date>,
        status -> Nullable<Text>,
        author_user_id -> Nullable<Text>,
        author -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    minutes (meeting_id) {
        meeting_id -> Text,
        status -> Text,
        body_markdown -> Text,
        exempt_markdown -> Text,
        version -> Integer,
        circulated_at -> Nullable<Timestamp>,
        approved_at -> Nullable<Timestamp>,
        approved_at_meeting_id -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(actions -> bodies (body_id));
diesel::joinable!(decisions -> bodies (body_id));

diesel::table! {
    /// The full-text index's rows (see `db::search`); SQLite's FTS5 table
    /// and PostgreSQL's `tsv` column are read only through SQL.
    search_documents (id) {
        id -> BigInt,
        kind -> Text,
        ref_id -> Text,
        body_id -> Text,
        meeting_id -> Nullable<Text>,
        day -> Date,
        public -> Bool,
        exempt -> Bool,
        named -> Text,
        title -> Text,
        content -> Text,
    }
}
diesel::table! {
    item_notes (item_id) {
        item_id -> Text,
        notes -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The Welsh (or other second-language) version of a field of a paper,
    /// agenda item, decision, action or minutes.
    translations (id) {
        id -> Text,
        subject_kind -> Text,
        subject_id -> Text,
        field -> Text,
        lang -> Text,
        text -> Text,
        status -> Text,
        updated_by -> Text,
        updated_at -> Timestamp,
        source_digest -> Nullable<Text>,
    }
}

diesel::table! {
    welsh_speakers (meeting_id, user_id) {
        meeting_id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
    }
}
