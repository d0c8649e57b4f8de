"""Claims the narrative makes: sentences and the figures they state (amounts, shares, changes,
counts), read from the prose so rules can recompute them from the tables."""
from .extract import read_figures, sign_of
from .figures import Figures, StatedAmount, StatedChange, StatedCount, StatedShare
from .narrative import SectionFigures, find_section, narrative, section_figures
from .sentences import Sentence, section_sentences, sentences, split_paragraph, split_text
from .subjects import SUBJECTS, fold_subject, subject_key

__all__ = [
    "Figures", "SUBJECTS", "SectionFigures", "Sentence", "StatedAmount", "StatedChange", "StatedCount",
    "StatedShare", "find_section", "fold_subject", "narrative", "read_figures", "section_figures",
    "section_sentences", "sentences", "sign_of", "split_paragraph", "split_text", "subject_key",
]
