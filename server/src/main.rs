use std::net::SocketAddr;
use std::process::ExitCode;

use app::seed::{DEMO_SIGN_INS, SeedOutcome, seed_demo};
use clap::Parser;
use server::config::{Cli, Command};
use tracing_subscriber::EnvFilter;

/// SurrealDB and page rendering allocate heavily from many threads; glibc malloc's arena
/// locks and consolidation took over 40% of the CPU under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Pages render on the runtime's worker threads; a large page's view tree is deep, and a debug
/// build can need more than the default 2 MiB of stack for it.
const WORKER_STACK: usize = 16 * 1024 * 1024;

fn main() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(WORKER_STACK)
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("pathway: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(start())
}

async fn start() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,surrealdb=warn,surrealkv=warn")),
        )
        .init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pathway: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let config = cli.config;
    let state = server::start_state(
        &config.db_settings(),
        config.auth_settings(),
        config.insight_max_age(),
    )
    .await
    .map_err(|error| format!("database at {}: {error}", config.db_url))?;

    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Generate(args) = &command {
        return server::generate::run(&state.db, args, &config.demo_password).await;
    }
    if command == Command::SeedDemo || config.seed_demo {
        let outcome = seed_demo(&state.db, &config.demo_password)
            .await
            .map_err(|error| format!("seeding the demo council: {error}"))?;
        match outcome {
            SeedOutcome::Created { people, teams } => {
                tracing::info!(people, teams, "demo council seeded")
            }
            SeedOutcome::AlreadyPresent => tracing::info!("demo council already present"),
        }
        print_demo_sign_ins(&config.demo_password);
    }
    if command == Command::SeedDemo {
        return Ok(());
    }

    server::spawn_reminders(state.db.clone());
    server::spawn_catalogue_warm_up(state.db.clone());
    server::assets::spawn_precompress(config.site_root.clone());
    let options = server::leptos_options(&config.site_root, config.addr);
    let app = server::router(state, options);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|error| format!("cannot listen on {}: {error}", config.addr))?;
    println!("Pathway is running at http://{}", config.addr);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("stopped");
    Ok(())
}

fn print_demo_sign_ins(password: &str) {
    let shown = if password == "pathway-demo" {
        password.to_string()
    } else {
        "(the value of PATHWAY_DEMO_PASSWORD)".to_string()
    };
    println!("Demo sign-ins for Demo Borough Council, password {shown}:");
    for (role, email) in DEMO_SIGN_INS {
        println!("  {role:<14} {email}");
    }
}

/// Ctrl-C or SIGTERM: stop taking connections and let requests in flight finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
