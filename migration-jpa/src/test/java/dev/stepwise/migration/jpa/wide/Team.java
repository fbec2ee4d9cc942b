package dev.stepwise.migration.jpa.wide;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Team {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	Long id;

	@jakarta.persistence.Column(unique = true)
	String name;

}
