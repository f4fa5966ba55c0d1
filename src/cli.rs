//! Command-line arguments and their translation into library calls. Only
//! this file and `main.rs` know about clap, stdout and exit codes.

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsmine::dataset::{Dataset, OutputDir};
use newsmine::extract::dates::Date;
use newsmine::extract::{ExtractConfig, Stages};
use newsmine::input::{list_inputs, InputConfig, InputFormat, Records};
use newsmine::pipeline::{self, Outcome, PipelineConfig, Summary, Task};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

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
    /// Input format; by default from the extension, then from the first bytes.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: FormatArg,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Treat invalid UTF-8 as an error instead of replacing it.
    #[arg(long)]
    pub strict: bool,
    /// No summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
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
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: FormatArg,
    /// Publication date (YYYY-MM-DD) for articles that carry none.
    #[arg(long)]
    pub reference_date: Option<String>,
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    #[arg(long)]
    pub strict: bool,
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args)]
pub struct ReportArgs {
    /// The folder written by `newsmine run`.
    pub out_dir: PathBuf,
}

/// Failure of the command as a whole (exit status 2).
pub struct Fatal(pub String);

impl From<io::Error> for Fatal {
    fn from(e: io::Error) -> Self {
        Fatal(e.to_string())
    }
}

fn input_config(format: FormatArg, strict: bool) -> InputConfig {
    InputConfig {
        format: match format {
            FormatArg::Auto => InputFormat::Auto,
            FormatArg::Text => InputFormat::Text,
            FormatArg::Html => InputFormat::Html,
            FormatArg::Jsonl => InputFormat::Jsonl,
        },
        strict_utf8: strict,
    }
}

fn records(paths: &[PathBuf], config: InputConfig) -> Result<Records, Fatal> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    };
    Ok(Records::new(list_inputs(&paths)?, config))
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

/// Runs the command; returns whether some records failed.
pub fn run(cli: Cli) -> Result<bool, Fatal> {
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
    }
}

/// `clean` and `extract`: one JSON line per input record, errors included, in order.
fn stream(args: &CommonArgs, task: Task) -> Result<bool, Fatal> {
    let records = records(&args.paths, input_config(args.input_format, args.strict))?;
    let out: Box<dyn Write> = match &args.output {
        Some(p) => {
            Box::new(std::fs::File::create(p).map_err(|e| Fatal(format!("{}: {e}", p.display())))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, out);
    let mut broken_pipe = false;
    let result = pipeline::run(records, &task, pipeline_config(args.threads), |p| {
        if let Outcome::Failed(e) = &p.outcome {
            if !args.quiet {
                eprintln!("newsmine: {e}");
            }
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
    let summary = result?;
    if broken_pipe {
        return Ok(false);
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(false),
        r => r?,
    }
    Ok(summary.records_failed > 0)
}

/// `run`: the dataset folder and a summary on standard error.
fn run_dataset(args: &RunArgs) -> Result<bool, Fatal> {
    let records = records(&args.paths, input_config(args.input_format, args.strict))?;
    let config = ExtractConfig {
        reference_date: reference_date(&args.reference_date)?,
        ..ExtractConfig::default()
    };
    let mut out = OutputDir::create(&args.out)?;
    let mut dataset = Dataset::new();
    let summary = pipeline::run(
        records,
        &Task::Extract(config),
        pipeline_config(args.threads),
        |p| {
            match &p.outcome {
                Outcome::Extracted(e) => {
                    dataset.add(e);
                    out.write_article(&p.json)?;
                }
                Outcome::Failed(e) => {
                    if !args.quiet {
                        eprintln!("newsmine: {e}");
                    }
                    out.write_error(&p.json)?;
                }
                Outcome::Cleaned(_) => {}
            }
            Ok(true)
        },
    )?;
    out.finish(&dataset)?;
    if !args.quiet {
        print_summary(&summary, &dataset, &args.out);
    }
    Ok(summary.records_failed > 0)
}

/// `report`: the page next to the files it shows.
fn write_report(args: &ReportArgs) -> Result<bool, Fatal> {
    let html = newsmine::report::build(&args.out_dir)?;
    let path = args.out_dir.join("report.html");
    std::fs::write(&path, html).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
    eprintln!("newsmine: wrote {}", path.display());
    Ok(false)
}

fn print_summary(s: &Summary, d: &Dataset, out: &std::path::Path) {
    eprintln!(
        "newsmine: {} records read, {} written, {} failed; {:.1} MB in {:.2} s ({:.1} MB/s)",
        s.records_read,
        s.records_written,
        s.records_failed,
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
        d.partnerships().len(),
        d.organizations().len(),
        out.display()
    );
}
