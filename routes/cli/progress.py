"""Progress bars on stderr, so stdout stays clean for piped output."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["counter", "progress_bar"]

T = TypeVar("T")


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[str, float], None]]:
    """A rich progress bar fed by ``(stage, fraction)`` callbacks; silent when not a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.fields[stage]}"),
        TimeElapsedColumn(), console=console, transient=True, disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task(description, total=1.0, stage="")

        def update(stage: str, fraction: float) -> None:
            bar.update(task, completed=fraction, stage=stage)

        yield update


def counter(items: Iterable[T], description: str, *, enabled: bool = True) -> Iterator[T]:
    """Yield ``items`` while a spinner on stderr counts them (corpora of unknown length)."""
    if not enabled:
        yield from items
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), "[bold]{task.description}", MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True,
                  disable=not console.is_terminal) as bar:
        task = bar.add_task(description, total=None)
        for item in items:
            yield item
            bar.advance(task)
