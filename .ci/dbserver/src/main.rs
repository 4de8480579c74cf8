//! The SurrealDB server with the community feature set, started with the usual arguments:
//! `surreal start --bind 127.0.0.1:8000 --user U --pass P surrealkv://DIR`.
#![recursion_limit = "256"]

fn main() -> std::process::ExitCode {
    surrealdb_server::init(surrealdb_server::core::CommunityComposer())
}
