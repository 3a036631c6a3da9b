"""`briefgen libraries list|add|rename|remove`: the team folders of the settings file
`libraries.yaml`, listed with how each is now and changed by the same calls the app's Team
folders… dialog makes (`briefgen.library.team_edits`)."""

from __future__ import annotations

import argparse
from typing import Any

from briefgen.terminal import printable

UNLISTED = "its folder and files are untouched; add it again to read it again"


def add_libraries_command(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        "libraries",
        help="list, add, rename or remove team folders",
        description="The team folders (shared libraries, often on a network drive) listed in "
        "libraries.yaml in your settings folder, read beside the shipped content and your own "
        "library. Removing one only takes it off the list: no file is deleted.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    listing = actions.add_parser("list", help="list the team folders and whether each is there")
    listing.set_defaults(handler=cmd_list)
    add = actions.add_parser(
        "add", help="list a team folder (a library, or an empty folder to start one)"
    )
    add.add_argument("folder", metavar="DIR", help="the team's library folder")
    add.add_argument(
        "--name", default="", help="the name listings show (default: the folder's own name)"
    )
    add.set_defaults(handler=cmd_add)
    rename = actions.add_parser("rename", help="give a team folder another name")
    rename.add_argument("which", metavar="NAME", help="its name now (or its folder)")
    rename.add_argument("name", metavar="NEW_NAME", help="the name listings show from now on")
    rename.set_defaults(handler=cmd_rename)
    remove = actions.add_parser(
        "remove", help="stop reading a team folder (its files are not deleted)"
    )
    remove.add_argument("which", metavar="NAME", help="its name (or its folder)")
    remove.set_defaults(handler=cmd_remove)
    return parser


def cmd_list(args: argparse.Namespace) -> int:
    """Each team folder with its name, state and folder (a missing one said to be missing)."""
    from briefgen.library.team_settings import folder_state, read_team_folders, settings_path

    where = settings_path()
    listed = read_team_folders(where)
    if not listed:
        print(
            f"No team folders are listed in {printable(str(where))}; add one with "
            "'briefgen libraries add DIR'."
        )
        return 0
    states = [folder_state(folder) for folder in listed]
    name_width = max(len(folder.name) for folder in listed)
    state_width = max(len(state.label) for state in states)
    print(f"{'name':<{name_width}}  {'state':<{state_width}}  folder")
    for folder, state in zip(listed, states, strict=True):
        print(
            f"{printable(folder.name):<{name_width}}  {state.label:<{state_width}}  "
            f"{printable(str(folder.path))}"
        )
    problems = [state for state in states if state.key in ("missing", "not a library")]
    for state in problems:
        print(f"\n{printable(state.detail)}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from briefgen.library.team_edits import add_team_folder
    from briefgen.library.team_settings import settings_path

    added = add_team_folder(args.folder, args.name)
    print(
        f"Added the team folder '{printable(added.name)}' ({printable(str(added.path))}) to "
        f"{printable(str(settings_path()))}."
    )
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    from briefgen.library.team_edits import rename_team_folder

    renamed = rename_team_folder(args.which, args.name)
    print(
        f"The team folder {printable(str(renamed.path))} is now named '{printable(renamed.name)}'."
    )
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from briefgen.library.team_edits import remove_team_folder

    removed = remove_team_folder(args.which)
    print(
        f"Removed the team folder '{printable(removed.name)}' from the list "
        f"({printable(str(removed.path))}: {UNLISTED})."
    )
    return 0
