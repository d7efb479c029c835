"""--format github: a hostile file name or message cannot forge a second workflow command."""

from __future__ import annotations

import pytest

from generator.app.console import print_problems
from generator.core.errors import error
from generator.core.model import Loc, visible


@pytest.mark.parametrize("name", ["a\n::error file=x::forged", "a\r\nb", "100%0A.txt", "a:b,c.txt", "a\x1b[31mred"])
def test_a_hostile_file_name_stays_in_one_command(capsys, name):
    print_problems([error(Loc(f"seeds/{name}", 2, 3), f"bad {name}\nline")], "github")
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("::error file=") and "\r" not in out
    props, message = out[len("::error "):].rstrip("\n").split("::", 1)
    assert props.count(",") == 2 and props.count(":") == 0
    decoded = message.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
    assert decoded == visible(f"bad {name}\nline", keep_newlines=True)  # control characters shown escaped
