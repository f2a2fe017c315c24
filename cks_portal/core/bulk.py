"""Changes to many items at once that follow the rules of saving one.

`queryset.update()` skips the model's save(): no history record, no `post_save` (so the page
cache keeps serving the old pages), and no new version for the conflict guard, so a change
form opened before the update later saves the old values back without a word. Bulk admin
actions use `save_each` instead.
"""

from django.db import models, transaction

from cks_portal.core.page_cache import content_changed


class SaveEachQuerySet(models.QuerySet):
    def save_each(self, user, reason, **values):
        """Set `values` on every item that does not have them yet and save it through its
        model's save(): a history record naming `user` with `reason`, the signals that make
        cached pages out of date, and a new version for the conflict guard. The rows are
        locked until the end, as a change form's save locks its row, so neither overwrites
        the other unseen. Returns the number of items changed.

        Costs one query for the keys and one to lock and read, then one save per changed item."""
        # Locked through a plain query by primary key: the admin's queryset may carry a
        # DISTINCT (a search across authors), which PostgreSQL does not lock.
        pks = list(self.values_list("pk", flat=True))
        model = self.model
        written = [*values, *(f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False))]
        if any(f.name == "updated_by" for f in model._meta.concrete_fields):
            written.append("updated_by")
        changed = 0
        with transaction.atomic(using=self.db):
            for item in (
                model._base_manager.using(self.db).select_for_update().filter(pk__in=pks).order_by("pk")
            ):
                if all(getattr(item, field) == value for field, value in values.items()):
                    continue
                for field, value in values.items():
                    setattr(item, field, value)
                if "updated_by" in written:
                    item.updated_by = user
                # Read by simple-history when it writes the record for this save.
                item._history_user = user
                item._change_reason = str(reason)
                item.save(update_fields=written)
                changed += 1
        if changed:
            # Each save has said so already; said once more for the whole action, so a model
            # whose signals are not connected is not left behind (and again on commit).
            content_changed()
        return changed
