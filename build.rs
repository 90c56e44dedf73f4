//! Rebuild when a migration is added or changed: they are embedded in the
//! binary by `diesel_migrations::embed_migrations!`, which cargo cannot see.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
