//! A bounded load test on loopback: N concurrent keep-alive clients hammer one endpoint
//! for a fixed time, then throughput and latency percentiles are printed.
//!
//!     cargo run --release -p lagebild_serve --example load -- --db news.db \
//!         [--clients 200] [--seconds 30] [--path '/api/events?limit=50']
//!
//! The server runs in this process on 127.0.0.1 with a random port; every request goes
//! over loopback only, and the run stops by itself after `--seconds`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use lagebild_pipeline::Pipeline;
use lagebild_serve::ServeConfig;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Args {
    db: std::path::PathBuf,
    clients: usize,
    seconds: u64,
    paths: Vec<String>,
}

fn parse_args() -> Args {
    let mut args = Args {
        db: "lagebild.db".into(),
        clients: 200,
        seconds: 30,
        paths: Vec::new(),
    };
    let mut iter = std::env::args().skip(1);
    while let Some(flag) = iter.next() {
        let value = iter.next().unwrap_or_default();
        match flag.as_str() {
            "--db" => args.db = value.into(),
            "--clients" => args.clients = value.parse().unwrap_or(200),
            "--seconds" => args.seconds = value.parse().unwrap_or(30),
            "--path" => args.paths.push(value),
            other => {
                eprintln!("unknown flag {other}");
                std::process::exit(2);
            }
        }
    }
    if args.paths.is_empty() {
        args.paths = vec![
            "/api/events?limit=50".into(),
            "/api/events?actor=RUS&limit=50".into(),
            "/api/events?cameo=11&limit=50".into(),
            "/api/events?from=2015-01-01&to=2016-12-31&sort=goldstein_asc&limit=50".into(),
        ];
    }
    args
}

/// Sends one GET on a kept-alive connection and reads the whole response.
async fn get(stream: &mut TcpStream, path: &str, buffer: &mut Vec<u8>) -> std::io::Result<u16> {
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    buffer.clear();
    let mut chunk = [0u8; 64 * 1024];
    loop {
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "connection closed",
            ));
        }
        buffer.extend_from_slice(&chunk[..read]);
        let Some(head_end) = buffer.windows(4).position(|window| window == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&buffer[..head_end]).to_ascii_lowercase();
        let length = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length:"))
            .and_then(|value| value.trim().parse::<usize>().ok())
            .unwrap_or(0);
        if buffer.len() >= head_end + 4 + length {
            let status = head
                .split_whitespace()
                .nth(1)
                .and_then(|code| code.parse().ok())
                .unwrap_or(0);
            return Ok(status);
        }
    }
}

fn main() {
    let args = parse_args();
    if !args.db.exists() {
        eprintln!(
            "{}: no such database (build one with lagebild ingest)",
            args.db.display()
        );
        std::process::exit(2);
    }
    let mut config = ServeConfig::new(args.db.clone());
    config.bind = "127.0.0.1:0".parse().expect("loopback address");
    config.read_only = true;
    let server =
        lagebild_serve::spawn(config, Arc::new(Pipeline::embedded())).expect("server starts");
    let addr = server.addr;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let paths = Arc::new(args.paths.clone());
    let started = Instant::now();
    let results = runtime.block_on(async move {
        let mut tasks = Vec::new();
        for client in 0..args.clients {
            let paths = paths.clone();
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut errors = 0u64;
                let mut buffer = Vec::new();
                let mut stream = match TcpStream::connect(addr).await {
                    Ok(stream) => stream,
                    Err(_) => return (latencies, 1),
                };
                let mut index = client;
                while Instant::now() < deadline {
                    let path = &paths[index % paths.len()];
                    index += 1;
                    let sent = Instant::now();
                    match get(&mut stream, path, &mut buffer).await {
                        Ok(200) => latencies.push(sent.elapsed()),
                        Ok(_) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            match TcpStream::connect(addr).await {
                                Ok(fresh) => stream = fresh,
                                Err(_) => break,
                            }
                        }
                    }
                }
                (latencies, errors)
            }));
        }
        let mut all = Vec::new();
        let mut errors = 0;
        for task in tasks {
            if let Ok((latencies, failed)) = task.await {
                all.extend(latencies);
                errors += failed;
            } else {
                errors += 1;
            }
        }
        (all, errors)
    });
    let elapsed = started.elapsed().as_secs_f64();
    let (mut latencies, errors) = results;
    latencies.sort();
    let percentile = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let index = ((latencies.len() as f64 - 1.0) * p).round() as usize;
        latencies[index].as_secs_f64() * 1000.0
    };
    println!(
        "clients {}  duration {:.1} s  requests {}  errors {}",
        args.clients,
        elapsed,
        latencies.len(),
        errors
    );
    println!(
        "throughput {:.0} requests/s",
        latencies.len() as f64 / elapsed
    );
    println!(
        "latency ms  p50 {:.1}  p90 {:.1}  p99 {:.1}  max {:.1}",
        percentile(0.5),
        percentile(0.9),
        percentile(0.99),
        percentile(1.0)
    );
    drop(server);
    if errors > 0 {
        std::process::exit(1);
    }
}
