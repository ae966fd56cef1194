package main

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"io"
	"path"
	"slices"
	"strings"
	"time"
)

// file is one entry of an archive.
type file struct {
	Name string // slash path inside the archive's folder
	Data []byte
	Exec bool // the binary: mode 0755
}

func (f file) mode() int64 {
	if f.Exec {
		return 0o755
	}
	return 0o644
}

// sortedFiles returns files by name, so that the order of the arguments
// never changes the bytes.
func sortedFiles(files []file) []file {
	s := slices.Clone(files)
	slices.SortFunc(s, func(a, b file) int { return strings.Compare(a.Name, b.Name) })
	return s
}

// writeTarGz writes files under the folder dir as a gzipped tarball whose
// bytes depend only on the files, dir and epoch: sorted entries, owner 0,
// no user or group names, one time stamp, no gzip name or time.
func writeTarGz(w io.Writer, dir string, files []file, epoch time.Time) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	mtime := epoch.UTC().Truncate(time.Second)
	if err := tw.WriteHeader(&tar.Header{
		Typeflag: tar.TypeDir, Name: dir + "/", Mode: 0o755, ModTime: mtime, Format: tar.FormatUSTAR,
	}); err != nil {
		return err
	}
	for _, f := range sortedFiles(files) {
		hdr := &tar.Header{
			Typeflag: tar.TypeReg, Name: path.Join(dir, f.Name), Mode: f.mode(),
			Size: int64(len(f.Data)), ModTime: mtime, Format: tar.FormatUSTAR,
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

// writeZip writes files at the top of a zip archive, deterministically as
// writeTarGz does. Windows' "Extract all" puts them in a folder named
// after the archive.
func writeZip(w io.Writer, files []file, epoch time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	for _, f := range sortedFiles(files) {
		hdr := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: epoch.UTC().Truncate(time.Second)}
		hdr.SetMode(fsMode(f.mode()))
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}
