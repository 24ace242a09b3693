import { render, screen } from "@testing-library/react";
import Home from "../pages/index";

describe("Home", () => {
  it("offers a way to book a visit", () => {
    render(<Home />);
    expect(screen.getByRole("link", { name: /book or view appointments/i })).toHaveAttribute(
      "href",
      "/appointments",
    );
  });
});
