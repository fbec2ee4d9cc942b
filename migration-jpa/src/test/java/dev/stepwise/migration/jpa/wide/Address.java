package dev.stepwise.migration.jpa.wide;

import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

	String street;

	String city;

}
