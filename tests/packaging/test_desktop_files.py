"""The desktop entry, AppStream metainfo and icons: valid for the freedesktop tools, and in step
with what the program really opens and how its layers look."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from caveat.layers import all_layers
from caveat.loaders.registry import FORMAT_OF_EXTENSION

REPO = Path(__file__).resolve().parents[2]
APP_ID = "io.github.caveat.Caveat"
DESKTOP = REPO / "packaging" / f"{APP_ID}.desktop"
METAINFO = REPO / "packaging" / f"{APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256)

# The MIME type of each format the loaders read.
MIME_OF_FORMAT = {
    "txt": "text/plain",
    "md": "text/markdown",
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (no imaging library needed)."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [
        ("desktop-file-validate", (), DESKTOP),
        ("appstreamcli", ("validate", "--no-net"), METAINFO),
    ],
)
def test_freedesktop_validator_accepts_file(tool: str, args: tuple[str, ...], path: Path) -> None:
    executable = shutil.which(tool)
    if executable is None:
        pytest.skip(f"{tool} is not installed")
    result = subprocess.run(
        [executable, *args, str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # desktop-file-validate prints errors and warnings but exits 0 on warnings alone
    assert not re.search(r"^\S+: (error|warning):", result.stdout, re.M), result.stdout


def test_desktop_entry_and_metainfo_claim_the_formats_the_loaders_read() -> None:
    desktop_types = {t for t in desktop_entry()["MimeType"].split(";") if t}
    metainfo_types = {e.text for e in metainfo().iterfind("provides/mediatype")}
    expected = {MIME_OF_FORMAT[fmt] for fmt in set(FORMAT_OF_EXTENSION.values())}
    assert desktop_types == expected
    assert metainfo_types == expected


def test_desktop_entry_launches_caveat_with_files() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "caveat %F"
    assert entry["Icon"] == APP_ID


def test_metainfo_names_the_desktop_entry_icon_and_licences() -> None:
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == APP_ID
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("metadata_license") == "CC0-1.0"
    screenshot = root.findtext("screenshots/screenshot/image") or ""
    assert screenshot.endswith("docs/screenshots/window.png")


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_is_rendered_at_each_hicolor_size(size: int) -> None:
    png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(png) == (size, size)


def test_icon_uses_the_layer_colours() -> None:
    svg = (ICONS / "caveat.svg").read_text(encoding="utf-8")
    ET.fromstring(svg)  # well-formed
    for layer in all_layers():
        assert layer.colour.upper() in svg.upper(), layer.id


def test_install_desktop_entry_points_the_menu_at_the_program_and_uninstalls(
    tmp_path: Path,
) -> None:
    program = tmp_path / "my apps" / "caveat"  # a space, as in many home folders
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    data = tmp_path / "share"
    script = REPO / "packaging" / "install-desktop-entry"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)}

    subprocess.run([script, program], env=env, check=True, capture_output=True)
    installed = data / "applications" / DESKTOP.name
    assert f'Exec="{program}" %F' in installed.read_text().splitlines()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "metainfo" / METAINFO.name).is_file()
    if validator := shutil.which("desktop-file-validate"):
        subprocess.run([validator, installed], check=True, capture_output=True)

    subprocess.run([script, "--uninstall"], env=env, check=True, capture_output=True)
    assert not installed.exists()
    assert not list(data.rglob(f"{APP_ID}*"))
