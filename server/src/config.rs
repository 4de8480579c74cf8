//! Typed configuration from flags and environment variables.

use std::net::SocketAddr;
use std::time::Duration;

use app::db::{DbAuth, DbSettings};
use app::state::AuthSettings;
use clap::{ArgAction, Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "pathway",
    version,
    about = "Pathway: learning and career progression for children's social work"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Clone, Subcommand, PartialEq, Eq)]
pub enum Command {
    /// Serve the app (the default).
    Serve,
    /// Add the demo council to the database if it is not there, then exit.
    SeedDemo,
    /// Fill an empty database with a synthetic region for measuring at scale, then exit.
    Generate(GenerateArgs),
}

#[derive(Debug, Clone, Args, PartialEq, Eq)]
pub struct GenerateArgs {
    /// S: one council of 1,000 staff; M: ten councils, 10,000 staff, 1,000,000 survey answers.
    #[arg(long, default_value = "S", value_parser = ["S", "M", "s", "m"])]
    pub tier: String,
    /// The same seed and day make the same records.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// The day the region is generated as of (YYYY-MM-DD); today by default.
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "PATHWAY_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Database: surrealkv://<path> (embedded, on disk), mem:// (in memory) or ws://host:port.
    #[arg(
        long,
        env = "PATHWAY_DB_URL",
        default_value = "surrealkv://./data/pathway.db"
    )]
    pub db_url: String,

    /// SurrealDB namespace.
    #[arg(long, env = "PATHWAY_DB_NAMESPACE", default_value = "pathway")]
    pub db_namespace: String,

    /// SurrealDB database.
    #[arg(long, env = "PATHWAY_DB_DATABASE", default_value = "pathway")]
    pub db_database: String,

    /// User for a remote SurrealDB server (not needed embedded).
    #[arg(long, env = "PATHWAY_DB_USER")]
    pub db_user: Option<String>,

    /// Where that user is defined: database (least privilege, the default), namespace or root.
    #[arg(long, env = "PATHWAY_DB_AUTH", default_value = "database")]
    pub db_auth: DbAuth,

    /// Password for that user.
    #[arg(long, env = "PATHWAY_DB_PASSWORD", hide_env_values = true)]
    pub db_password: Option<String>,

    /// Mark cookies Secure (and use the __Host- prefix); turn on behind HTTPS.
    #[arg(long, env = "PATHWAY_SECURE_COOKIES", default_value_t = false, action = ArgAction::Set)]
    pub secure_cookies: bool,

    /// Seed the demo council into an empty database at start.
    #[arg(long, env = "PATHWAY_SEED_DEMO", default_value_t = true, action = ArgAction::Set)]
    pub seed_demo: bool,

    /// Password of every demo account.
    #[arg(
        long,
        env = "PATHWAY_DEMO_PASSWORD",
        default_value = "pathway-demo",
        hide_env_values = true
    )]
    pub demo_password: String,

    /// Minutes without a request before a session ends.
    #[arg(long, env = "PATHWAY_SESSION_IDLE_MINUTES", default_value_t = 120)]
    pub session_idle_minutes: u64,

    /// Hours after sign-in before a session ends, however busy.
    #[arg(long, env = "PATHWAY_SESSION_MAX_HOURS", default_value_t = 12)]
    pub session_max_hours: u64,

    /// Seconds the leader's dashboard is kept before it is worked out again (0: every view).
    #[arg(long, env = "PATHWAY_INSIGHT_MAX_AGE_SECONDS", default_value_t = 60)]
    pub insight_max_age_seconds: u64,

    /// Folder of the built site (wasm, CSS, public files); cargo-leptos sets LEPTOS_SITE_ROOT.
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
}

impl Config {
    pub fn db_settings(&self) -> DbSettings {
        DbSettings {
            url: self.db_url.clone(),
            namespace: self.db_namespace.clone(),
            database: self.db_database.clone(),
            username: self.db_user.clone(),
            password: self.db_password.clone(),
            auth: self.db_auth,
        }
    }

    pub fn auth_settings(&self) -> AuthSettings {
        AuthSettings {
            secure_cookies: self.secure_cookies,
            idle_timeout: Duration::from_secs(self.session_idle_minutes.clamp(1, 24 * 60) * 60),
            absolute_timeout: Duration::from_secs(self.session_max_hours.clamp(1, 24 * 30) * 3600),
            ..AuthSettings::default()
        }
    }

    /// A day at most: figures older than that would mislead more than they help.
    pub fn insight_max_age(&self) -> Duration {
        Duration::from_secs(self.insight_max_age_seconds.min(24 * 3600))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_readme() {
        let cli = Cli::try_parse_from(["pathway"]).unwrap();
        assert_eq!(cli.command, None);
        assert_eq!(cli.config.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(cli.config.db_url, "surrealkv://./data/pathway.db");
        assert!(cli.config.seed_demo);
        assert!(!cli.config.secure_cookies);
        assert_eq!(cli.config.db_auth, DbAuth::Database);
    }

    #[test]
    fn database_user_level_parses_and_refuses_unknown_levels() {
        let cli = Cli::try_parse_from(["pathway", "--db-auth", "ROOT"]).unwrap();
        assert_eq!(cli.config.db_settings().auth, DbAuth::Root);
        let error = Cli::try_parse_from(["pathway", "--db-auth", "owner"]).unwrap_err();
        assert!(
            error.to_string().contains("database, namespace or root"),
            "{error}"
        );
    }

    #[test]
    fn flags_override_and_subcommands_parse() {
        let cli = Cli::try_parse_from([
            "pathway",
            "--db-url",
            "mem://",
            "--seed-demo",
            "false",
            "seed-demo",
        ])
        .unwrap();
        assert_eq!(cli.command, Some(Command::SeedDemo));
        assert_eq!(cli.config.db_url, "mem://");
        assert!(!cli.config.seed_demo);
    }

    #[test]
    fn session_limits_are_clamped() {
        let cli = Cli::try_parse_from(["pathway", "--session-idle-minutes", "0"]).unwrap();
        assert_eq!(
            cli.config.auth_settings().idle_timeout,
            Duration::from_secs(60)
        );
    }
}
