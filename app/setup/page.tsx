import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { isSetupComplete } from "@/lib/users/is-setup-complete";

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await isSetupComplete()) redirect("/signin");
  return (
    <AuthCard
      title="Create the admin account"
      subtitle="This is a fresh install. The account you create here administers it."
    >
      <SetupForm />
    </AuthCard>
  );
}
