"""Entry point of `npm run models`: build both models, then the manifest."""
from . import embed, ner, ner_corpus
from .manifest import build_manifest, compare_and_write


def main() -> None:
    embed.build()
    ner.build()
    compare_and_write(build_manifest(ner_corpus.LABELS))


if __name__ == "__main__":
    main()
