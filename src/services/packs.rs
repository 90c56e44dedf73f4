//! Board pack PDFs: made once per agenda version and audience, kept as
//! files under the data folder (so they survive restarts), recorded in
//! `packs`. A pack that fails is recorded with its error and retried by the
//! worker; it never holds up publication.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::db::agenda::{self, AgendaVersion, Pack};
use crate::domain::briefing::brief;
use crate::error::{AppError, AppResult};
use crate::services::agenda::{Audience, parse_snapshot};
use crate::state::AppState;

/// "members" (with exempt items and the briefing) or "public", and
/// "members-cy", "public-cy" for the Welsh packs: one pack per language,
/// not both side by side, so that neither reader carries the other's
/// pages; both are made from the same version at the same time.
pub fn audience_name(a: Audience, lang: crate::i18n::Lang) -> &'static str {
    match (a.sees_exempt(), lang) {
        (true, crate::i18n::Lang::English) => "members",
        (false, crate::i18n::Lang::English) => "public",
        (true, crate::i18n::Lang::Welsh) => "members-cy",
        (false, crate::i18n::Lang::Welsh) => "public-cy",
    }
}

pub fn path_of(data_dir: &Path, version_id: &str, audience: &str) -> PathBuf {
    data_dir
        .join("packs")
        .join(format!("{version_id}-{audience}.pdf"))
}

/// The Typst source for a version and audience.
pub fn source_for(v: &AgendaVersion, audience: &str) -> AppResult<String> {
    // A pack file is made once per language and kept for everyone who
    // reads that language, whatever the language of whoever first asked.
    let (base, lang) = match audience.strip_suffix("-cy") {
        Some(base) => (base, crate::i18n::Lang::Welsh),
        None => (audience, crate::i18n::Lang::English),
    };
    let f = parse_snapshot(v)?;
    Ok(crate::i18n::with(lang, || {
        if base == "members" {
            let f = f.in_language(lang);
            let briefs = brief(&f);
            crate::render::pack_pdf::source(&f, &briefs, "pdf-audience-members")
        } else {
            let f = f.public_view().in_language(lang);
            crate::render::pack_pdf::source(&f, &[], "pdf-audience-public")
        }
    }))
}

/// Makes the pack file (typesetting on a blocking thread) and records the
/// outcome. Returns the file's path.
pub async fn make(state: &AppState, v: &AgendaVersion, audience: &str) -> AppResult<PathBuf> {
    let path = path_of(&state.settings.data_dir, &v.id, audience);
    let source = source_for(v, audience)?;
    let target = path.clone();
    let outcome = actix_web::rt::task::spawn_blocking(move || -> Result<String, String> {
        let bytes = crate::render::pack_pdf::compile(source)?;
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        }
        let tmp = target.with_extension("pdf.tmp");
        std::fs::write(&tmp, &bytes).map_err(|e| format!("writing {}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &target).map_err(|e| format!("saving {}: {e}", target.display()))?;
        Ok(hex::encode(Sha256::digest(&bytes)))
    })
    .await
    .map_err(|e| AppError::internal(format!("pack task: {e}")))?;
    let now = state.clock.now_naive();
    let record = Pack {
        id: crate::clock::new_id(),
        agenda_version_id: v.id.clone(),
        audience: audience.to_string(),
        status: if outcome.is_ok() { "ready" } else { "failed" }.into(),
        attempts: 1,
        error: outcome
            .as_ref()
            .err()
            .map(|e| e.chars().take(2000).collect()),
        sha256: outcome.as_ref().ok().cloned(),
        updated_at: now,
    };
    state
        .tx(move |c| Ok(agenda::record_pack(c, &record)?))
        .await?;
    match outcome {
        Ok(_) => Ok(path),
        Err(e) => {
            tracing::warn!(version = %v.id, audience, error = %e, "board pack could not be made");
            Err(AppError::Unavailable)
        }
    }
}

/// The pack file, made now if it does not exist yet.
pub async fn get_or_make(
    state: &AppState,
    v: &AgendaVersion,
    audience: &str,
) -> AppResult<PathBuf> {
    let path = path_of(&state.settings.data_dir, &v.id, audience);
    if path.exists() {
        return Ok(path);
    }
    make(state, v, audience).await
}

/// Worker step: makes packs for the versions of upcoming (and last week's)
/// meetings that have none, a few at a time; failed ones are tried again on
/// the next pass. Older packs are made on request.
pub async fn make_missing(state: &AppState, limit: usize) -> AppResult<usize> {
    // Meetings from a week ago on: members read packs before and just after.
    let from = state.clock.now_naive() - chrono::Duration::days(7);
    let candidates = state
        .db(move |c| Ok(agenda::versions_without_pack(c, from, 20)?))
        .await?;
    let mut made = 0;
    for (version_id, audience) in candidates {
        if made >= limit {
            break;
        }
        if path_of(&state.settings.data_dir, &version_id, &audience).exists() {
            continue;
        }
        let vid = version_id.clone();
        let Some(v) = state
            .db(move |c| Ok(agenda::find_version(c, &vid)?))
            .await?
        else {
            continue;
        };
        if make(state, &v, &audience).await.is_ok() {
            made += 1;
        }
    }
    Ok(made)
}

/// One published paper as a PDF (its cover sheet and report), made on
/// first request and kept beside the packs.
pub async fn paper_pdf(
    state: &AppState,
    v: &AgendaVersion,
    frozen: &crate::domain::frozen::Frozen,
    paper_id: &str,
) -> AppResult<PathBuf> {
    let safe: String = paper_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let path = state.settings.data_dir.join("packs").join(format!(
        "{}-paper-{safe}-{}.pdf",
        v.id,
        crate::i18n::current().code()
    ));
    if path.exists() {
        return Ok(path);
    }
    let mut single = frozen.clone();
    single
        .items
        .retain(|i| i.paper.as_ref().is_some_and(|p| p.id == paper_id));
    if single.items.is_empty() {
        return Err(AppError::NotFound);
    }
    // Kept for everyone who reads its language, as the packs are; `frozen`
    // is already in the reader's language.
    let source = crate::render::pack_pdf::source(&single, &[], "pdf-audience-paper");
    let target = path.clone();
    actix_web::rt::task::spawn_blocking(move || -> Result<(), String> {
        let bytes = crate::render::pack_pdf::compile(source)?;
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        let tmp = target.with_extension("pdf.tmp");
        std::fs::write(&tmp, &bytes).map_err(|e| e.to_string())?;
        std::fs::rename(&tmp, &target).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| AppError::internal(format!("paper task: {e}")))?
    .map_err(|e| {
        tracing::warn!(error = %e, "paper PDF could not be made");
        AppError::Unavailable
    })?;
    Ok(path)
}
