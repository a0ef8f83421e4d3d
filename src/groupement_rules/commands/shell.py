"""``groupement-rules completion bash|zsh|fish``: shell completion made from the
command's own parser, so that a command or option added to it is completed without
another line here.
"""

from __future__ import annotations

import argparse

from ..cli import EXIT_OK

PROG = "groupement-rules"


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(p: argparse.ArgumentParser) -> list[tuple[str, str, tuple[str, ...]]]:
    """(option, help, choices) for each long option of ``p``."""
    out = []
    for a in p._actions:
        for opt in a.option_strings:
            if opt.startswith("--"):
                choices = tuple(str(c) for c in a.choices) if a.choices else ()
                out.append((opt, (a.help or "").replace("%(prog)s", PROG), choices))
    return out


def _help(parser: argparse.ArgumentParser, name: str) -> str:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.dest == name:
                    return choice.help or ""
    return ""


def bash_script(parser: argparse.ArgumentParser) -> str:
    commands = _commands(parser)
    cases = []
    choice_cases = []
    for name, p in commands.items():
        opts = " ".join(o for o, _, _ in _options(p))
        cases.append(f'    {name}) opts="{opts}" ;;')
        for opt, _, choices in _options(p):
            if choices:
                choice_cases.append(f'    {name}:{opt}) words="{" ".join(choices)}" ;;')
    fn = "_groupement_rules"
    return "\n".join(
        [
            f"# bash completion for {PROG} (groupement-rules completion bash)",
            f"{fn}() {{",
            '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
            '  local cmd="${COMP_WORDS[1]}" opts="" words=""',
            '  if [ "$COMP_CWORD" -eq 1 ]; then',
            f'    COMPREPLY=($(compgen -W "{" ".join(commands)} --version --help" -- "$cur"))',
            "    return",
            "  fi",
            '  case "$cmd:$prev" in',
            *choice_cases,
            "  esac",
            '  if [ -n "$words" ]; then',
            '    COMPREPLY=($(compgen -W "$words" -- "$cur")); return',
            "  fi",
            '  case "$cmd" in',
            *cases,
            "  esac",
            '  if [[ "$cur" == -* ]]; then',
            '    COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
            "  else",
            '    COMPREPLY=($(compgen -f -- "$cur"))',
            "  fi",
            "}",
            f"complete -o filenames -F {fn} {PROG}",
            "",
        ]
    )


def zsh_script(parser: argparse.ArgumentParser) -> str:
    return (
        f"# zsh completion for {PROG} (groupement-rules completion zsh)\n"
        "autoload -U +X bashcompinit && bashcompinit\n" + bash_script(parser)
    )


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish_script(parser: argparse.ArgumentParser) -> str:
    lines = [f"# fish completion for {PROG} (groupement-rules completion fish)"]
    for name, p in _commands(parser).items():
        lines.append(
            f"complete -c {PROG} -f -n __fish_use_subcommand -a {name} "
            f"-d {_fish_quote(_help(parser, name))}"
        )
        for opt, help_, choices in _options(p):
            arg = f" -x -a {_fish_quote(' '.join(choices))}" if choices else ""
            lines.append(
                f"complete -c {PROG} -n '__fish_seen_subcommand_from {name}' "
                f"-l {opt[2:]}{arg} -d {_fish_quote(help_)}"
            )
    return "\n".join(lines) + "\n"


SCRIPTS = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}


def cmd_completion(args: argparse.Namespace) -> int:
    from ..cli import build_parser

    print(SCRIPTS[args.shell](build_parser()), end="")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("completion", help="print a shell completion script (bash, zsh, fish)")
    p.add_argument("shell", choices=tuple(SCRIPTS), help="the shell")
    p.set_defaults(func=cmd_completion)


__all__ = ["bash_script", "fish_script", "register", "zsh_script"]
