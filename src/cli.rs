//! Command-line arguments and their translation into library calls. Only
//! this file and `main.rs` know about clap, stdout and exit codes.

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use indicatif::{ProgressBar, ProgressStyle};
use newsmine::dataset::{Dataset, OutputDir, Written};
use newsmine::extract::dates::Date;
use newsmine::extract::{ExtractConfig, Stages};
use newsmine::input::{
    list_inputs, shard, InputConfig, InputFormat, InputPath, Records, MAX_RECORD_BYTES,
};
use newsmine::pipeline::{self, Outcome, PipelineConfig, Summary, Task};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Set by the SIGINT handler: stop after the records already written.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Exit status of a run stopped by SIGINT (128 + 2, as shells report it).
pub const EXIT_INTERRUPTED: i32 = 130;

#[derive(Parser)]
#[command(
    name = "newsmine",
    version,
    about = "Turns raw news dumps into data: clean text, organizations, dates, quotes and partnerships."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Remove boilerplate: one JSON record {"id", "text"} per input article.
    #[command(
        after_help = "Examples:\n  newsmine clean page.html\n  newsmine clean --input-format jsonl < dump.jsonl > clean.jsonl"
    )]
    Clean(CommonArgs),
    /// Extract organizations, dates, quotes and partnerships: one JSON record per article.
    #[command(
        after_help = "Examples:\n  echo \"Acme Corp. and Globex said on Tuesday they will form a joint venture.\" | newsmine extract --reference-date 2024-03-15\n  newsmine extract --only orgs,dates dump.jsonl.gz -o out.jsonl"
    )]
    Extract(ExtractArgs),
    /// Build the partnership dataset in a folder: articles, partnerships, organizations, errors.
    #[command(after_help = "Example:\n  newsmine run corpus/ --out out/")]
    Run(RunArgs),
    /// Write OUT_DIR/report.html, a self-contained page showing a `run` folder.
    #[command(after_help = "Example:\n  newsmine run corpus/ --out out/ && newsmine report out/")]
    Report(ReportArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  newsmine completions bash > /etc/bash_completion.d/newsmine"
    )]
    Completions { shell: Shell },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Auto,
    Text,
    Html,
    Jsonl,
}

#[derive(Args)]
pub struct CommonArgs {
    /// Input files or folders (walked recursively); `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// How inputs are read and processed, shared by `clean`, `extract` and `run`.
#[derive(Args)]
pub struct InputArgs {
    /// Input format; by default from the extension, then from the first bytes.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: FormatArg,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Treat bytes invalid in the input's encoding as an error instead of replacing them.
    #[arg(long)]
    pub strict: bool,
    /// No summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// A record (JSON line, WARC record, one-article file) longer than this
    /// many MB becomes an error record.
    #[arg(long, value_name = "MB", default_value_t = MAX_RECORD_BYTES >> 20)]
    pub max_record_mb: usize,
    /// Process only shard I of N (0-based) of the sorted input files, e.g. `--shard 3/16`.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
}

#[derive(Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Use the input text as it is, without boilerplate removal.
    #[arg(long)]
    pub no_clean: bool,
    /// Run only these stages (comma-separated: orgs,dates,quotes,partnerships).
    #[arg(long)]
    pub only: Option<String>,
    /// Publication date (YYYY-MM-DD) for articles that carry none.
    #[arg(long)]
    pub reference_date: Option<String>,
}

#[derive(Args)]
pub struct RunArgs {
    /// Input files or folders (walked recursively); `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output folder.
    #[arg(long)]
    pub out: PathBuf,
    /// Publication date (YYYY-MM-DD) for articles that carry none.
    #[arg(long)]
    pub reference_date: Option<String>,
    /// Go on from an earlier run into the same folder, finished or
    /// interrupted: input files it read to the end (and unchanged since) are
    /// skipped, their records kept.
    #[arg(long)]
    pub resume: bool,
    /// Also write articles, partnerships and organizations as Parquet
    /// (needs newsmine built with `--features parquet`).
    #[arg(long)]
    pub parquet: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (i, n) = s.split_once('/').ok_or("expected I/N, e.g. 0/4")?;
    let (i, n): (usize, usize) = (
        i.parse().map_err(|_| "I is not a number")?,
        n.parse().map_err(|_| "N is not a number")?,
    );
    if n == 0 || i >= n {
        return Err(format!("shard {i}/{n}: need 0 <= I < N"));
    }
    Ok((i, n))
}

#[derive(Args)]
pub struct ReportArgs {
    /// The folder written by `newsmine run`.
    pub out_dir: PathBuf,
}

/// Failure of the command as a whole (exit status 2).
pub struct Fatal(pub String);

/// How a command ended when it did not fail as a whole.
pub enum Ending {
    /// Every record was processed; `true` when some became error records.
    Done { some_failed: bool },
    /// Stopped by SIGINT after writing whole records only.
    Interrupted,
}

/// Catches SIGINT so the pipeline can stop between records.
fn catch_interrupt() {
    // A second handler cannot be installed; the first one is enough.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
}

/// A spinner with records and rate on a terminal; hidden when stderr is not one, or with --quiet.
fn progress(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new_spinner();
    pb.set_style(
        ProgressStyle::with_template("{spinner} {pos} records, {per_sec}, {elapsed}  {msg}")
            .expect("static template"),
    );
    pb.enable_steady_tick(Duration::from_millis(200));
    pb
}

impl From<io::Error> for Fatal {
    fn from(e: io::Error) -> Self {
        Fatal(e.to_string())
    }
}

fn input_config(args: &InputArgs) -> InputConfig {
    InputConfig {
        format: match args.input_format {
            FormatArg::Auto => InputFormat::Auto,
            FormatArg::Text => InputFormat::Text,
            FormatArg::Html => InputFormat::Html,
            FormatArg::Jsonl => InputFormat::Jsonl,
        },
        strict_utf8: args.strict,
        max_record_bytes: args.max_record_mb << 20,
    }
}

/// The input files of this process (its shard of them), in order.
fn inputs(paths: &[PathBuf], args: &InputArgs) -> Result<Vec<InputPath>, Fatal> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    };
    let inputs = list_inputs(&paths)?;
    Ok(match args.shard {
        Some((i, n)) => shard(inputs, i, n),
        None => inputs,
    })
}

fn reference_date(arg: &Option<String>) -> Result<Option<Date>, Fatal> {
    arg.as_deref()
        .map(|s| {
            Date::parse_iso_prefix(s).ok_or_else(|| {
                Fatal(format!(
                    "--reference-date: `{s}` is not a date (YYYY-MM-DD)"
                ))
            })
        })
        .transpose()
}

fn pipeline_config(threads: usize) -> PipelineConfig {
    PipelineConfig {
        threads,
        ..PipelineConfig::default()
    }
}

/// Runs the command.
pub fn run(cli: Cli) -> Result<Ending, Fatal> {
    match cli.command {
        Command::Clean(args) => stream(&args, Task::Clean),
        Command::Extract(args) => {
            let stages = match &args.only {
                Some(list) => Stages::parse(list).map_err(Fatal)?,
                None => Stages::ALL,
            };
            let config = ExtractConfig {
                stages,
                clean: !args.no_clean,
                reference_date: reference_date(&args.reference_date)?,
            };
            stream(&args.common, Task::Extract(config))
        }
        Command::Run(args) => run_dataset(&args),
        Command::Report(args) => write_report(&args),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "newsmine", &mut io::stdout());
            Ok(Ending::Done { some_failed: false })
        }
    }
}

/// `clean` and `extract`: one JSON line per input record, errors included, in order.
fn stream(args: &CommonArgs, task: Task) -> Result<Ending, Fatal> {
    catch_interrupt();
    let records = Records::new(inputs(&args.paths, &args.input)?, input_config(&args.input));
    let file = args.output.as_ref().filter(|p| p.as_os_str() != "-");
    let out: Box<dyn Write> = match file {
        Some(p) => {
            Box::new(std::fs::File::create(p).map_err(|e| Fatal(format!("{}: {e}", p.display())))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, out);
    let mut broken_pipe = false;
    // Only a file output gets a spinner: on stdout the records themselves show progress.
    let pb = progress(args.input.quiet || file.is_none());
    let result = pipeline::run(records, &task, pipeline_config(args.input.threads), |p| {
        pb.inc(1);
        if let Outcome::Failed(e) = &p.outcome {
            if !args.input.quiet {
                pb.suspend(|| eprintln!("newsmine: {e}"));
            }
        }
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Ok(false);
        }
        match out.write_all(&p.json).and_then(|_| out.write_all(b"\n")) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                broken_pipe = true;
                Ok(false)
            }
            Err(e) => Err(e),
        }
    });
    pb.finish_and_clear();
    let summary = result?;
    if broken_pipe {
        return Ok(Ending::Done { some_failed: false });
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(Ending::Done { some_failed: false })
        }
        r => r?,
    }
    if INTERRUPTED.load(Ordering::SeqCst) {
        eprintln!(
            "newsmine: interrupted after {} records",
            summary.records_written + summary.records_failed
        );
        return Ok(Ending::Interrupted);
    }
    Ok(Ending::Done {
        some_failed: summary.records_failed > 0,
    })
}

/// `run`: the dataset folder and a summary on standard error.
fn run_dataset(args: &RunArgs) -> Result<Ending, Fatal> {
    catch_interrupt();
    let mut inputs = inputs(&args.paths, &args.input)?;
    let config = ExtractConfig {
        reference_date: reference_date(&args.reference_date)?,
        ..ExtractConfig::default()
    };
    let (mut out, mut dataset) = if args.resume {
        let names = inputs.iter().map(InputPath::display_name).collect();
        let resumed = OutputDir::resume(&args.out, args.parquet, &names)?;
        inputs.retain(|i| !resumed.done.contains(&i.display_name()));
        if !args.input.quiet {
            eprintln!(
                "newsmine: resuming in {}: {} inputs already done ({} records kept), {} to read",
                args.out.display(),
                resumed.done.len(),
                resumed.records,
                inputs.len()
            );
        }
        (resumed.out, resumed.dataset)
    } else {
        let out = OutputDir::create(&args.out, args.parquet)?;
        (out, Dataset::new(&args.out)?)
    };
    let records = Records::new(inputs, input_config(&args.input));
    let pb = progress(args.input.quiet);
    let summary = pipeline::run(
        records,
        &Task::Extract(config),
        pipeline_config(args.input.threads),
        |p| {
            pb.inc(1);
            match &p.outcome {
                Outcome::Extracted(e) => {
                    out.record_from(&e.source.file)?;
                    dataset.add(e)?;
                    out.write_article(e, &p.json)?;
                }
                Outcome::Failed(e) => {
                    if !args.input.quiet {
                        pb.suspend(|| eprintln!("newsmine: {e}"));
                    }
                    out.record_from(&e.source.file)?;
                    out.write_error(&p.json)?;
                }
                Outcome::Cleaned(_) => {}
            }
            Ok(!INTERRUPTED.load(Ordering::SeqCst))
        },
    )?;
    pb.finish_and_clear();
    if INTERRUPTED.load(Ordering::SeqCst) {
        let partial = out.abandon()?;
        eprintln!(
            "newsmine: interrupted after {} records ({} failed); nothing was renamed into place, the whole records so far are in {}",
            summary.records_written + summary.records_failed,
            summary.records_failed,
            partial.display()
        );
        return Ok(Ending::Interrupted);
    }
    let written = out.finish(dataset)?;
    if !args.input.quiet {
        print_summary(&summary, &written, &args.out);
    }
    Ok(Ending::Done {
        some_failed: summary.records_failed > 0,
    })
}

/// `report`: the page next to the files it shows.
fn write_report(args: &ReportArgs) -> Result<Ending, Fatal> {
    let html = newsmine::report::build(&args.out_dir)?;
    let path = args.out_dir.join("report.html");
    std::fs::write(&path, html).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
    eprintln!("newsmine: wrote {}", path.display());
    Ok(Ending::Done { some_failed: false })
}

fn print_summary(s: &Summary, d: &Written, out: &std::path::Path) {
    eprintln!(
        "newsmine: {} records read, {} written, {} failed, {} skipped (not HTML); {:.1} MB in {:.2} s ({:.1} MB/s)",
        s.records_read,
        s.records_written,
        s.records_failed,
        s.records_skipped,
        s.bytes_read as f64 / 1e6,
        s.seconds,
        s.bytes_read as f64 / 1e6 / s.seconds.max(1e-9)
    );
    eprintln!(
        "newsmine: {} organization mentions, {} dates, {} quotes, {} partnership mentions -> {} partnerships, {} organizations in {}",
        s.orgs,
        s.dates,
        s.quotes,
        s.partnerships,
        d.partnerships,
        d.organizations,
        out.display()
    );
}
