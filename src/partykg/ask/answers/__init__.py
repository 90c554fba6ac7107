"""Intent -> data: one function per intent, each filling an :class:`partykg.ask.answer.Answer`
from the query library."""

from partykg.ask.answers import bodies, documents, people

HANDLERS = {
    "replaced_by": documents.replaced_by, "replaces": documents.replaces,
    "issuer": documents.issuer, "related_in": documents.related, "related_out": documents.related,
    "in_force": documents.in_force, "drafted_by": documents.by_property,
    "submitted_to": documents.by_property, "approved_at": documents.by_property,
    "proposes": documents.by_property, "card": documents.card,
    "drafts_of_body": documents.of_body, "submitted_to_body": documents.of_body,
    "person_chaired": people.person_chaired,
    "merged": bodies.merged, "merger_by_doc": bodies.merged, "mergers_year": bodies.mergers_year,
    "hierarchy_up": bodies.hierarchy, "hierarchy_down": bodies.hierarchy, "list": bodies.documents,
    "post_holder": people.post_holder, "body_members": people.body_members, "person_posts": people.person_posts,
    "event_when": people.event, "event_chair": people.event, "event_organiser": people.event,
    "event_adopted": people.event, "event_parts": people.event,
}

# what each intent needs its subject to be
SUBJECT_KINDS = {
    "replaced_by": ("document",), "replaces": ("document",), "issuer": ("document",),
    "related_in": ("document",), "related_out": ("document",), "in_force": ("document",),
    "drafted_by": ("document",), "submitted_to": ("document",), "approved_at": ("document",),
    "proposes": ("document",), "merged": ("body",), "merger_by_doc": ("document",),
    "hierarchy_up": ("body",), "hierarchy_down": ("body",), "post_holder": ("post",), "body_members": ("body",),
    "person_posts": ("person",), "event_when": ("event",), "event_chair": ("event",),
    "event_organiser": ("event",), "event_adopted": ("event",), "event_parts": ("event",),
    "list": ("body",), "mergers_year": (), "card": None,
    "drafts_of_body": ("body",), "submitted_to_body": ("body",), "person_chaired": ("person",),
}
