//! Evaluation of the whole lagebild pipeline against gold data.
