//! The built site's static files (wasm, JavaScript, CSS), compressed once beside themselves
//! rather than on every request.
//!
//! The wasm is megabytes (tens of megabytes in a debug build), and brotli over it for each
//! page load cost the server seconds of CPU per visitor. The files never change while a
//! server runs, so each is compressed once at start, written as `<file>.br` and
//! `<file>.gz`, and served from there; until those exist the file goes out as it is.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tower_http::services::ServeDir;

/// What is worth compressing: text and wasm, not images or fonts (already compressed).
const COMPRESSIBLE: &[&str] = &["wasm", "js", "css", "svg", "json", "txt", "ico"];

/// Brotli 9 keeps the one-off cost to seconds for a debug build's wasm; 11 would take
/// minutes for a few per cent less.
const BROTLI_QUALITY: u32 = 9;
const BROTLI_WINDOW: u32 = 22;

/// The site's `pkg` folder, answering with a precompressed copy when the browser takes one.
pub fn pkg_service(site_root: &str) -> ServeDir {
    ServeDir::new(Path::new(site_root).join("pkg"))
        .precompressed_br()
        .precompressed_gzip()
}

/// Compresses the site's files in the background; start-up does not wait for it.
pub fn spawn_precompress(site_root: String) {
    tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        match precompress(&Path::new(&site_root).join("pkg")) {
            Ok(files) => tracing::info!(
                files,
                ms = started.elapsed().as_millis() as u64,
                "static files compressed"
            ),
            Err(error) => tracing::warn!(%error, "could not compress the static files"),
        }
    });
}

/// Writes `.br` and `.gz` copies of every compressible file in `dir` that lacks an up-to-date
/// one; answers how many files it compressed.
pub fn precompress(dir: &Path) -> io::Result<usize> {
    let mut done = 0;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !wanted || !path.is_file() {
            continue;
        }
        let br = with_suffix(&path, "br");
        let gz = with_suffix(&path, "gz");
        if is_fresh(&path, &br) && is_fresh(&path, &gz) {
            continue;
        }
        let bytes = fs::read(&path)?;
        write_atomically(&br, |out| {
            let mut writer =
                brotli::CompressorWriter::new(out, 1 << 16, BROTLI_QUALITY, BROTLI_WINDOW);
            writer.write_all(&bytes)?;
            writer.flush()
        })?;
        write_atomically(&gz, |out| {
            let mut writer = flate2::write::GzEncoder::new(out, flate2::Compression::best());
            writer.write_all(&bytes)?;
            writer.finish()?.flush()
        })?;
        done += 1;
    }
    Ok(done)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// A copy is fresh when it was written after the file it was made from (a rebuild replaces
/// the file, so its copies go stale).
fn is_fresh(file: &Path, copy: &Path) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(file), modified(copy)) {
        (Some(file), Some(copy)) => copy >= file,
        _ => false,
    }
}

/// Writes through a temporary file and renames it into place, so a request (or another
/// server sharing the folder) never reads half a copy.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = with_suffix(path, &format!("tmp{}", std::process::id()));
    let result = (|| {
        let mut out = BufWriter::new(File::create(&tmp)?);
        write(&mut out)?;
        out.flush()?;
        Ok(())
    })();
    match result {
        Ok(()) => fs::rename(&tmp, path),
        Err(error) => {
            let _ = fs::remove_file(&tmp);
            Err(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn copies_decompress_to_the_file_and_stale_ones_are_remade() {
        let dir = std::env::temp_dir().join(format!("pathway-assets-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let wasm = dir.join("pathway.wasm");
        let body: Vec<u8> = (0..200_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        fs::write(&wasm, &body).unwrap();
        fs::write(dir.join("picture.png"), b"not compressed").unwrap();

        assert_eq!(precompress(&dir).unwrap(), 1, "only the wasm is compressed");
        let mut unbr = Vec::new();
        brotli::Decompressor::new(File::open(with_suffix(&wasm, "br")).unwrap(), 4096)
            .read_to_end(&mut unbr)
            .unwrap();
        assert_eq!(unbr, body);
        let mut ungz = Vec::new();
        flate2::read::GzDecoder::new(File::open(with_suffix(&wasm, "gz")).unwrap())
            .read_to_end(&mut ungz)
            .unwrap();
        assert_eq!(ungz, body);
        assert!(!dir.join("picture.png.br").exists());

        assert_eq!(precompress(&dir).unwrap(), 0, "fresh copies are kept");
        // A rebuilt file is newer than its copies.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&wasm, b"rebuilt").unwrap();
        assert_eq!(precompress(&dir).unwrap(), 1, "stale copies are remade");
        fs::remove_dir_all(&dir).unwrap();
    }
}
