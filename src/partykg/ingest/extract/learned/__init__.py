"""A learned relation scorer for the extractor's own document mentions (helper xlearn9; opt-in:
``partykg extract --learned``): :mod:`.features` (candidate pairs and their generic features),
:mod:`.model` (the scorer at extraction time, weights in ``relations.json``), :mod:`.train`
(labels from the gold, deterministic training), :mod:`.cv` (leave-one-set-out
cross-validation). Measured in docs/log/extraction.md ("Eleventh round")."""
