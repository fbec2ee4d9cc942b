package dev.stepwise.sample.users;

import java.net.URI;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /users}, {@code POST /users} and {@code GET /users/{id}}.
 */
@RestController
@RequestMapping("/users")
class UserController {

	private final UserRepository users;

	UserController(UserRepository users) {
		this.users = users;
	}

	@GetMapping
	List<User> list() {
		return this.users.findAll();
	}

	@GetMapping("/{id}")
	ResponseEntity<User> get(@PathVariable String id) {
		return ResponseEntity.of(this.users.findById(id));
	}

	@PostMapping
	ResponseEntity<User> create(@RequestBody NewUser user) {
		User created = this.users.create(user);
		return ResponseEntity.created(URI.create("/users/" + created.id())).body(created);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicateEmail() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A user with this email address already exists");
	}

}
