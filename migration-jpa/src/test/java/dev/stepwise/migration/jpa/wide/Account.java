package dev.stepwise.migration.jpa.wide;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/** An entity with most of what applications map: each must come back the same after a round trip. */
@Entity
@Table(indexes = @Index(name = "account_city_created_idx", columnList = "city, created_at"),
		uniqueConstraints = @UniqueConstraint(name = "account_handle_city_uk", columnNames = { "handle", "city" }),
		check = @CheckConstraint(name = "account_score_ck", constraint = "score >= 0"))
public class Account {

	@Id
	@GeneratedValue
	UUID id;

	@Version
	long version;

	@Column(nullable = false, length = 40)
	String handle;

	@Enumerated(EnumType.STRING)
	Status status;

	@Enumerated(EnumType.ORDINAL)
	Role role;

	boolean active;

	int logins;

	Double score;

	@Column(precision = 19, scale = 4)
	BigDecimal balance;

	LocalDate birthday;

	LocalDateTime createdAt;

	Instant updatedAt;

	byte[] avatar;

	@Embedded
	Address address;

	@ElementCollection
	Set<String> nicknames;

	@ManyToMany
	Set<Team> teams;

	@ManyToOne
	Team owner;

	public enum Status {

		ACTIVE, SUSPENDED

	}

	public enum Role {

		USER, ADMIN

	}

}
