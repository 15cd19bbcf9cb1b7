"""Accounts for sign-in, their role grants per programme, and sign-in attempts for the rate limit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, enum_column
from db.models.programmes import Programme
from indicators.enums import Role
from indicators.periods import utcnow

__all__ = ["User", "RoleGrant", "SignInAttempt"]


class User(Base):
    """An account for sign-in. The e-mail address is stored lower-case; `session_version` is raised to end every
    session of the account at once (new password, deactivation)."""

    __tablename__ = "app_user"  # "user" is a reserved word in PostgreSQL

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    session_version: Mapped[int] = mapped_column(Integer, default=1)

    grants: Mapped[list[RoleGrant]] = relationship(
        back_populates="user", order_by="RoleGrant.id", cascade="all, delete-orphan"
    )


class RoleGrant(Base):
    """One role of one account; `programme_id` is set for editor and approver and null for viewer and admin."""

    __tablename__ = "role_grant"
    __table_args__ = (UniqueConstraint("user_id", "role", "programme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))  # indexed by the unique
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))

    user: Mapped[User] = relationship(back_populates="grants")
    programme: Mapped[Programme | None] = relationship()


class SignInAttempt(Base):
    """One sign-in attempt, for the rate limit on failures per e-mail address and per IP address."""

    __tablename__ = "sign_in_attempt"
    # the rate limit counts recent failures per e-mail and per IP address
    __table_args__ = (
        Index("ix_sign_in_attempt_email_at", "email", "at"),
        Index("ix_sign_in_attempt_ip_at", "ip", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    succeeded: Mapped[bool] = mapped_column(Boolean, default=False)
