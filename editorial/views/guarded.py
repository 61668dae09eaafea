"""One permission gate for the editorial admin views: who may open a view is one function."""

from django.contrib.auth.mixins import UserPassesTestMixin


def may_use_admin(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin")


class Guarded(UserPassesTestMixin):
    """Refuses (403, no login redirect: Wagtail's admin URLs already ask to log in) every user
    for whom `allowed(user)` is false. Subclasses set `allowed = staticmethod(a_check)`."""

    raise_exception = True
    allowed = staticmethod(may_use_admin)

    def test_func(self):
        return self.allowed(self.request.user)
