//! Rebuild when a migration or a message catalogue is added or changed:
//! they are embedded in the binary by `diesel_migrations::embed_migrations!`
//! and `fluent_templates::static_loader!`, which cargo cannot see.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
}
